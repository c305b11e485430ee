package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.messaging.MessageForm;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TcpForwarder;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Database stopped mid-request": the portal reaches its PostgreSQL database through a pass-through that the test
 * cuts and restores. While it is cut, pages answer a clean 503 within the pool's wait, not a 500 or a hang; once it
 * is back, the pool recovers by itself and the person is still signed in. Cut in the middle of a write (the moment a
 * message's insert is on its way, after its thread's), the sender gets the same page and nothing of the message is
 * stored (PostgreSQL rolls the transaction back when its connection dies). Health, on the public and the management
 * port, says DOWN while the database is cut (so a load balancer stops sending patients) and UP once it is back.
 */
@PortalTest
class DatabaseOutageIT {

    static final String PASSWORD = "granite-orchard-whistle-27";
    static TcpForwarder database;

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void healthSaysDownOnBothPortsWhileTheDatabaseIsUnreachableAndUpOnceItIsBack() throws Exception {
        assertThat(publicHealth().statusCode()).isEqualTo(200);
        assertThat(publicHealth().body()).as("status only, for anyone").isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> management = managementHealth();
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).contains("\"status\":\"UP\"", "\"db\"", "\"audit\"");

        database.cut();
        long started = System.nanoTime();
        HttpResponse<String> down = publicHealth();
        double seconds = (System.nanoTime() - started) / 1e9;
        HttpResponse<String> managementDown = managementHealth();

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(seconds).as("answered within a few seconds, not the pool's 30").isLessThan(8);
        assertThat(managementDown.statusCode()).isEqualTo(503);
        assertThat(managementDown.body()).contains("\"db\":{\"status\":\"DOWN\"}", "\"audit\":{\"status\":\"DOWN\"}")
                .doesNotContain("Exception", "PSQL", "jdbc:");

        database.restore();
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = publicHealth().statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("UP again once the database is back").isEqualTo(200);
        assertThat(managementHealth().statusCode()).isEqualTo(200);
    }

    @Test
    void aMessageCutOffMidTransactionLeavesNothingAndGoesThroughOnceTheDatabaseIsBack() throws Exception {
        people.create("cut.patient", "Cato Cut", PASSWORD, Role.PATIENT);
        UUID patient = UUID.randomUUID();
        accounts.linkPatient("cut.patient", patient);
        PortalClient client = new PortalClient(port);
        client.signIn("cut.patient", PASSWORD);
        String page = client.get("/my/messages/new").body();

        database.cutWhenSent("insert into message (");
        HttpResponse<String> cut = MessageForm.from(page).field("pool", "FRONT_DESK").field("subject", "Refill")
                .field("body", "Half-way there").post(client, "/my/messages");
        database.restore();

        assertThat(cut.statusCode()).isEqualTo(503);
        assertThat(cut.body()).contains("Hearth is briefly unavailable").doesNotContain("Exception", "insert into");
        assertThat(stored(patient)).as("neither the thread nor the message").isZero();

        HttpResponse<String> sent = null;
        for (int attempt = 0; attempt < 20 && (sent == null || sent.statusCode() != 302); attempt++) {
            if (attempt > 0) {
                Thread.sleep(500);
            }
            HttpResponse<String> form = client.get("/my/messages/new"); // the pool may still hand out a broken connection once
            if (form.statusCode() == 200) {
                sent = MessageForm.from(form.body()).field("pool", "FRONT_DESK").field("subject", "Refill").field("body", "Half-way there")
                        .post(client, "/my/messages");
            }
        }
        assertThat(sent).isNotNull();
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(stored(patient)).isEqualTo(2);
    }

    private HttpResponse<String> publicHealth() {
        return new PortalClient(port).get("/health");
    }

    /** The management port's health (plain HTTP on loopback, as the local monitoring reads it). */
    private HttpResponse<String> managementHealth() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Threads plus messages of the patient, read straight from the database (not through the portal's pool or the cut). */
    private long stored(UUID patient) throws Exception {
        String url = ((com.zaxxer.hikari.HikariDataSource) jdbc.getDataSource()).getJdbcUrl();
        try (Connection direct = DriverManager.getConnection(TestDatabase.serverUrl() + url.substring(url.lastIndexOf('/') + 1),
                TestDatabase.user(), TestDatabase.password());
                PreparedStatement count = direct.prepareStatement("""
                        select (select count(*) from message_thread where patient_id = ?)
                             + (select count(*) from message m join message_thread t on t.id = m.thread_id where t.patient_id = ?)""")) {
            count.setObject(1, patient);
            count.setObject(2, patient);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
