package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.SharedPortalTest;
import io.hearth.test.TestAudit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Without a proxy configured, a client cannot pick its own address with X-Forwarded-For to slip past the throttle. */
@SharedPortalTest
class ForwardedForIgnoredIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aForwardedForHeaderFromAClientIsNotBelieved() {
        new PortalClient(port).signInPasswordOnly("nobody.here", "wrong-password-here", "X-Forwarded-For", "192.0.2.44");

        audit.awaitChained();
        assertThat(jdbc.queryForList("select client_address from sign_in_failure", String.class)).isNotEmpty().doesNotContain("192.0.2.44");
        assertThat(jdbc.queryForList("select client_address from audit_entry where action = 'SIGN_IN_FAILURE'", String.class))
                .isNotEmpty().doesNotContain("192.0.2.44");
    }
}
