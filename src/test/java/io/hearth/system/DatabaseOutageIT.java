package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TcpForwarder;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Database stopped mid-request": the portal reaches its PostgreSQL database through a pass-through that the test
 * cuts and restores. While it is cut, pages answer a clean 503 within the pool's wait, not a 500 or a hang; once it
 * is back, the pool recovers by itself and the person is still signed in.
 */
@PortalTest
class DatabaseOutageIT {

    static final String PASSWORD = "granite-orchard-whistle-27";
    static TcpForwarder database;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @DynamicPropertySource
    static void throughTheForwarder(DynamicPropertyRegistry registry) throws Exception {
        database = TcpForwarder.forPortalDatabase(registry);
    }

    @AfterAll
    static void closeForwarder() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whileTheDatabaseIsUnreachablePagesAnswer503AndThePortalRecoversByItself() throws Exception {
        people.create("outage.patient", "Otto Outage", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("outage.patient", PASSWORD);
        assertThat(client.get("/my/appointments").statusCode()).isEqualTo(200);

        database.cut();
        long started = System.nanoTime();
        HttpResponse<String> page = client.get("/my/appointments", "Accept", "text/html");
        double seconds = (System.nanoTime() - started) / 1e9;
        HttpResponse<String> json = client.get("/my/appointments", "Accept", "application/json");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(seconds).as("answered within the pool's wait, not a hang").isLessThan(15);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(page.body()).contains("Hearth is briefly unavailable").contains(page.headers().firstValue("X-Request-Id").orElseThrow())
                .doesNotContain("Exception", "at org.", "at io.hearth", "PSQL", "Hikari", "jdbc");
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(json.body()).startsWith("{\"status\":503").doesNotContain("Exception", "jdbc");

        database.restore();
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = client.get("/my/appointments").statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("the pool recovered and the session survived").isEqualTo(200);
    }
}
