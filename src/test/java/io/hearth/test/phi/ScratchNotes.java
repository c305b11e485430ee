package io.hearth.test.phi;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.FieldCipher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test-only PHI writer (profile {@code phi-driver}): notes whose body is encrypted through {@link FieldCipher}, with an
 * optional encrypted attachment, each write audited after its commit. There is no PHI feature module yet; this is what
 * one will look like to the crypto and audit modules, so the fault, rotation and benchmark tests have real PHI writes.
 */
@Service
@Profile("phi-driver")
public class ScratchNotes {

    public static final EncryptedColumn BODY = EncryptedColumn.of("scratch_note", "body_ciphertext");
    public static final String FILE_PURPOSE = "scratch-note";
    static final int ATTACHMENT_SIZE = 4096;

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final EncryptedFiles files;
    private final AuditLog audit;

    ScratchNotes(JdbcTemplate jdbc, FieldCipher cipher, EncryptedFiles files, AuditLog audit, @Value("${hearth.db.url}") String url,
            @Value("${hearth.db.username}") String appUser, @Value("${hearth.db.owner-username}") String owner,
            @Value("${hearth.db.owner-password}") String ownerPassword) throws SQLException {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.files = files;
        this.audit = audit;
        createTable(url, appUser, owner, ownerPassword);
    }

    /** The application role may not create tables (PostgreSQL 15), so the owner role makes the scratch table. */
    private static void createTable(String url, String appUser, String owner, String ownerPassword) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, owner, ownerPassword)) {
            connection.createStatement().execute("create table if not exists scratch_note (id uuid primary key, patient_id uuid not null,"
                    + " body_ciphertext bytea not null, file_id varchar(80))");
            if (!appUser.equals(owner) && url.startsWith("jdbc:postgresql:")) {
                connection.createStatement().execute("grant select, insert, update, delete on scratch_note to \"" + appUser + "\"");
            }
        }
    }

    /** Writes one note (and its attachment when asked) and its PHI_CHANGE entry; returns once both are durable. */
    @Transactional
    public UUID write(UUID patientId, String body, boolean withAttachment) {
        UUID id = UUID.randomUUID();
        String fileId = null;
        if (withAttachment) {
            try {
                fileId = files.store(new ByteArrayInputStream(attachmentFor(body)), FILE_PURPOSE).id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jdbc.update("insert into scratch_note (id, patient_id, body_ciphertext, file_id) values (?, ?, ?, ?)", id, patientId,
                cipher.encrypt(body, BODY.at(id)), fileId);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(patientId).object("scratch_note", id));
        return id;
    }

    /** Replaces a note's body; false when there is no such note. */
    @Transactional
    public boolean update(UUID id, String body) {
        List<UUID> patient = jdbc.queryForList("select patient_id from scratch_note where id = ? for update", UUID.class, id);
        if (patient.isEmpty()) {
            return false;
        }
        jdbc.update("update scratch_note set body_ciphertext = ? where id = ?", cipher.encrypt(body, BODY.at(id)), id);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(patient.get(0)).object("scratch_note", id));
        return true;
    }

    /** The note's body, or null when there is none; audited as a PHI_VIEW unless {@code audited} is false (benchmarks only). */
    public String read(UUID id, boolean audited) {
        List<Object[]> rows = jdbc.query("select patient_id, body_ciphertext from scratch_note where id = ?",
                (row, n) -> new Object[] { row.getObject(1, UUID.class), row.getBytes(2) }, id);
        if (rows.isEmpty()) {
            return null;
        }
        String body = cipher.decrypt((byte[]) rows.get(0)[1], BODY.at(id));
        if (audited) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient((UUID) rows.get(0)[0]).object("scratch_note", id));
        }
        return body;
    }

    /** Whether a note points at the stored file. */
    public boolean references(String fileId) {
        return jdbc.queryForObject("select count(*) from scratch_note where file_id = ?", Long.class, fileId) > 0;
    }

    /**
     * Decrypts every note and every attachment and compares each attachment with what its note's body implies.
     *
     * @return rows, body failures, attachments, attachment failures (missing, tampered or different)
     */
    public long[] checkAll() {
        long[] result = new long[4];
        jdbc.query("select id, body_ciphertext, file_id from scratch_note", row -> {
            result[0]++;
            UUID id = row.getObject(1, UUID.class);
            String body;
            try {
                body = cipher.decrypt(row.getBytes(2), BODY.at(id));
            } catch (RuntimeException e) {
                result[1]++;
                return;
            }
            String fileId = row.getString(3);
            if (fileId != null) {
                result[2]++;
                try (InputStream in = files.open(fileId)) {
                    if (!Arrays.equals(in.readAllBytes(), attachmentFor(body))) {
                        result[3]++;
                    }
                } catch (IOException | RuntimeException e) {
                    result[3]++;
                }
            }
        });
        return result;
    }

    /** An attachment's content is derived from its note's body, so a check can tell a complete file from a partial one. */
    static byte[] attachmentFor(String body) {
        byte[] unit = (body + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[ATTACHMENT_SIZE];
        for (int i = 0; i < content.length; i++) {
            content[i] = unit[i % unit.length];
        }
        return content;
    }
}
