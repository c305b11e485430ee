package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TcpForwarder;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Database stopped mid-request", in the middle of a write: the connection is cut the moment the message's insert is
 * on its way, after its thread's. The sender gets the 503 page, nothing of the message is stored (PostgreSQL rolls the
 * transaction back when its connection dies), and sending again once the database is back works.
 */
@PortalTest
class MessageWriteCutIT {

    static final String PASSWORD = "basalt-meadow-quiver-44";
    static TcpForwarder database;

    @LocalServerPort
    int port;

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
