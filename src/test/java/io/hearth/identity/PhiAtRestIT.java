package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.TamperedCiphertextException;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A patient's name, once stored, is nowhere in plain text: not in the tables, not in a dump, not in the log. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class PhiAtRestIT {

    static final String MARKER = "Zebulon Quackenbush-Marker";
    static final String PASSWORD = "juniper-falcon-anchor-84";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAudit audit;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void aStoredNameIsInNoTableDumpOrLogLine(CapturedOutput output) throws Exception {
        people.create("zebulon.q", MARKER, PASSWORD, Role.PATIENT);
        new PortalClient(port).signIn("zebulon.q", PASSWORD);
        new PortalClient(port).signIn("zebulon.q", "a wrong password, logged as a failure");

        assertThat(accounts.displayNameOf("zebulon.q")).as("the name still reads back").hasValue(MARKER);
        assertThat(databaseDump()).contains("zebulon.q").doesNotContain(MARKER, "Quackenbush");
        assertThat(output.getAll()).doesNotContain(MARKER, "Quackenbush");
    }

    @Test
    void aNameCopiedToAnotherAccountDoesNotDecryptAndRaisesAnAuditedAlarm() throws SQLException {
        people.create("victim.patient", "Victim Patient", PASSWORD, Role.PATIENT);
        people.create("copy.patient", "Copy Patient", PASSWORD, Role.PATIENT);
        long alarmsBefore = alarms();
        try (Connection owner = ownerConnection()) {
            owner.createStatement().executeUpdate("""
                    update account set display_name_ciphertext =
                        (select display_name_ciphertext from account where username_key = 'victim.patient')
                    where username_key = 'copy.patient'""");
        }

        assertThatThrownBy(() -> accounts.displayNameOf("copy.patient")).isInstanceOf(TamperedCiphertextException.class)
                .hasMessageNotContaining("Victim");
        assertThat(alarms()).isEqualTo(alarmsBefore + 1);
        assertThat(accounts.displayNameOf("victim.patient")).hasValue("Victim Patient");
    }

    private long alarms() {
        return audit.count("DECRYPTION_FAILURE");
    }

    private String databaseDump() throws Exception {
        if (!TestDatabase.onPostgres()) {
            StringBuilder script = new StringBuilder();
            jdbc.query("script", row -> {
                script.append(row.getString(1)).append('\n');
            });
            return script.toString();
        }
        return TestDatabase.runAsOwner("pg_dump", url.substring(url.lastIndexOf('/') + 1));
    }

    private Connection ownerConnection() throws SQLException {
        return TestDatabase.onPostgres() ? DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())
                : DriverManager.getConnection(url, "sa", "");
    }
}
