package io.hearth.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class IdleSessionSweepIT {

    static final String PASSWORD = "saffron-glacier-pony-31";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdleSessionSweep sweep;

    @Test
    void aSessionThatTimedOutIsRemovedAndItsEndAuditedOnce() {
        people.create("idle.session", "Ida Idle", PASSWORD, Role.PATIENT);
        people.create("awake.session", "Avery Awake", PASSWORD, Role.PATIENT);
        PortalClient idle = new PortalClient(port);
        idle.signIn("idle.session", PASSWORD);
        PortalClient sameUserElsewhere = new PortalClient(port);
        sameUserElsewhere.signIn("idle.session", PASSWORD);
        PortalClient awake = new PortalClient(port);
        awake.signIn("awake.session", PASSWORD);
        jdbc.update("""
                update spring_session set last_access_time = last_access_time - (max_inactive_interval + 1) * 1000,
                    expiry_time = expiry_time - (max_inactive_interval + 1) * 1000
                where principal_name = 'idle.session'
                  and creation_time = (select min(creation_time) from spring_session where principal_name = 'idle.session')""");
        String owned = "select count(*) from spring_session where principal_name = 'idle.session'";

        // the browser comes back after the timeout: signed out, and the session is left for the sweep to end
        assertThat(idle.get("/account/security").headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/signin"));
        assertThat(jdbc.queryForObject(owned, Long.class)).isEqualTo(2);
        assertThat(sameUserElsewhere.get("/account/sessions").body()).as("the timed-out session is not listed while it waits")
                .doesNotContain("name=\"handle\"");

        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();

        audit.awaitChained();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry where action = 'SESSION_ENDED' and actor_id = 'idle.session' and reason = 'idle timeout'""",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject(owned, Long.class)).isEqualTo(1);
        assertThat(sameUserElsewhere.get("/account/security").statusCode()).isEqualTo(200);
        assertThat(awake.get("/account/security").statusCode()).isEqualTo(200);
    }
}
