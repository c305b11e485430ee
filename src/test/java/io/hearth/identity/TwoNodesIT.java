package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.TestDatabase;
import io.hearth.test.TestNodes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two portal nodes on one database, as behind a load balancer: a session begun on one is valid on the other, signing
 * out on one ends it on both, stopping a node loses no session, and wrong passwords count toward one lock whichever
 * node they reach.
 */
class TwoNodesIT {

    static final String PASSWORD = "saffron-bridge-kettle-71";

    @Test
    void nodesShareSessionsAndTheLockoutCount() {
        String database = TestDatabase.createMigratedDatabase();
        TestClock.INSTANCE.advance(Duration.ofMinutes(11)); // a fresh address-throttle window: every request is from 127.0.0.1
        try (ConfigurableApplicationContext nodeB = TestNodes.start(database)) {
            int portB = TestNodes.port(nodeB);
            PortalClient browser;
            PortalClient other;
            try (ConfigurableApplicationContext nodeA = TestNodes.start(database)) {
                int portA = TestNodes.port(nodeA);
                TestAccounts people = nodeA.getBean(TestAccounts.class);
                people.create("two.nodes", "Tove Nodes", PASSWORD, Role.PATIENT);
                people.create("two.locks", "Tariq Locks", PASSWORD, Role.PATIENT);

                browser = new PortalClient(portA);
                assertThat(browser.signIn("two.nodes", PASSWORD).statusCode()).isEqualTo(302);
                assertThat(get(browser, portA, "/my/appointments").statusCode()).isEqualTo(200);
                assertThat(get(browser, portB, "/my/appointments").statusCode()).as("the session is valid on the other node").isEqualTo(200);

                other = new PortalClient(portA);
                assertThat(other.signIn("two.nodes", PASSWORD).statusCode()).isEqualTo(302);

                for (int port : new int[] { portA, portB, portA, portB }) {
                    assertThat(signIn(port, "two.locks", "wrong-" + PASSWORD)).endsWith("?error");
                }
                assertThat(signIn(portA, "two.locks", PASSWORD)).as("locked after 4 failures across both nodes").endsWith("?error");
                assertThat(nodeB.getBean(JdbcTemplate.class).queryForObject("select locked_until is not null from account where username_key = ?",
                        Boolean.class, Usernames.key("two.locks"))).isTrue();
            }

            assertThat(get(browser, portB, "/my/appointments").statusCode()).as("node A stopped: no session lost").isEqualTo(200);
            HttpResponse<String> signOut = browser.send(HttpRequest.newBuilder(URI.create("https://localhost:" + portB + "/signout"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + PortalClient.csrfToken(get(browser, portB, "/").body()))).build());
            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(get(browser, portB, "/my/appointments").statusCode()).as("signed out").isEqualTo(302);
            assertThat(get(other, portB, "/my/appointments").statusCode()).as("the other browser's session lives on").isEqualTo(200);
        }
        TestClock.INSTANCE.advance(Duration.ofMinutes(21)); // past lock and throttle, for whatever runs next
    }

    /** The same browser (its cookies) on any node. */
    private static HttpResponse<String> get(PortalClient browser, int port, String path) {
        return browser.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).GET().build());
    }

    private static String signIn(int port, String username, String password) {
        return new PortalClient(port).signInPasswordOnly(username, password).headers().firstValue("Location").orElse("");
    }
}
