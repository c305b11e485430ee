package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The quota counters start from the attachments a database already holds when the migration runs (V45). */
class MessageQuotaMigrationIT {

    @Test
    void existingAttachmentsAreCountedPerPatient() {
        DriverManagerDataSource owner = TestDatabase.newDatabaseAsOwner();
        JdbcTemplate jdbc = new JdbcTemplate(owner);
        TestDatabase.migrate(owner, "44"); // as it was before V45

        UUID ada = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cy = UUID.randomUUID();
        message(jdbc, ada, 100, 250);
        message(jdbc, ada, 1_000);
        message(jdbc, ben, 7);
        message(jdbc, cy);
        TestDatabase.migrate(owner, "latest");

        assertThat(jdbc.queryForObject("select used_bytes from message_quota where patient_id = ?", Long.class, ada)).isEqualTo(1_350);
        assertThat(jdbc.queryForObject("select used_bytes from message_quota where patient_id = ?", Long.class, ben)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from message_quota where patient_id = ?", Long.class, cy))
                .as("made at the first attachment").isZero();
    }

    /** A thread of the patient with one message and attachments of these sizes; the texts are placeholder bytes. */
    private static void message(JdbcTemplate jdbc, UUID patient, long... sizes) {
        UUID thread = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into message_thread (id, patient_id, pool, subject_ciphertext, status, created_at, last_message_at, version) "
                + "values (?, ?, 'BILLING', ?, 'OPEN', ?, ?, 0)", thread, patient, new byte[] { 1 }, now, now);
        jdbc.update("insert into message (id, thread_id, author, from_patient, body_ciphertext, sent_at, form_token) "
                + "values (?, ?, 'someone', true, ?, ?, ?)", message, thread, new byte[] { 1 }, now, UUID.randomUUID().toString());
        for (long size : sizes) {
            jdbc.update("insert into message_attachment (id, message_id, patient_id, file_id, name_ciphertext, content_type, size_bytes, sha256) "
                    + "values (?, ?, ?, ?, ?, 'application/pdf', ?, 'x')", UUID.randomUUID(), message, patient, "attachment_" + UUID.randomUUID(),
                    new byte[] { 1 }, size);
        }
    }
}
