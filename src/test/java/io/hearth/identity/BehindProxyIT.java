package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Hearth behind a reverse proxy, configured as the README says: the address throttle and the audit trail see each
 * client's own address from X-Forwarded-For, so one client's failures do not lock out everyone behind the proxy.
 */
@PortalTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native", "server.tomcat.remoteip.remote-ip-header=X-Forwarded-For",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1", "hearth.identity.throttle.max-failures=3" })
class BehindProxyIT {

    static final String PASSWORD = "copper-meadow-lantern-58";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void newThrottleWindow() {
        TestClock.INSTANCE.advance(Duration.ofMinutes(11));
    }

    @Test
    void oneClientsFailuresThrottleThatClientOnly() {
        people.create("proxied.patient", "Priya Proxied", PASSWORD, Role.PATIENT);
        people.create("proxied.neighbour", "Noor Neighbour", PASSWORD, Role.PATIENT);
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("203.0.113.9", "proxied.patient", "wrong-" + PASSWORD)).endsWith("/signin?error");
        }

        assertThat(signIn("203.0.113.9", "proxied.neighbour", PASSWORD)).as("that client is throttled").endsWith("/signin?error");
        assertThat(signIn("198.51.100.7", "proxied.neighbour", PASSWORD)).as("another client behind the same proxy")
                .isNotEmpty().doesNotContain("error");
        audit.awaitChained();
        assertThat(jdbc.queryForList("select distinct client_address from audit_entry where action = 'SIGN_IN_FAILURE'", String.class))
                .contains("203.0.113.9").doesNotContain("127.0.0.1");
    }

    /** The password step from a new browser as the proxy forwards it; the answer's Location. */
    private String signIn(String clientAddress, String username, String password) {
        return new PortalClient(port).signInPasswordOnly(username, password, "X-Forwarded-For", clientAddress).headers()
                .firstValue("Location").orElse("");
    }
}
