package io.hearth.patients.internal;

import io.hearth.shared.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Activation codes: 12 characters of Crockford's base32 (60 random bits), printed as XXXX-XXXX-XXXX so they can be
 * read out and typed; kept only as a SHA-256 hash (random codes need no slow hash). Typing is forgiving: case, spaces,
 * dashes, and the letters O, I and L for 0, 1 and 1 do not matter.
 */
@Component
class ActivationCodes {

    static final Duration VALIDITY = Duration.ofDays(30);
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    ActivationCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh code for the record; earlier unused ones are voided. @return the code as the patient will type it */
    String issue(UUID patientId, String issuedBy, Instant now) {
        jdbc.update("update activation_code set voided_at = ? where patient_id = ? and used_at is null and voided_at is null",
                Timestamp.from(now), patientId);
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        jdbc.update("insert into activation_code (id, patient_id, code_hash, issued_by, issued_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), patientId, hash(code.toString()), issuedBy, Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)));
        return code.toString();
    }

    /** The usable code's row id and patient, locked until the caller's transaction ends. */
    Optional<Usable> find(String typed, Instant now) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        List<Usable> rows = jdbc.query("""
                select id, patient_id from activation_code
                where code_hash = ? and used_at is null and voided_at is null and expires_at > ? for update""",
                (row, n) -> new Usable(row.getObject("id", UUID.class), row.getObject("patient_id", UUID.class)), hash(typed),
                Timestamp.from(now));
        return rows.stream().findFirst();
    }

    void markUsed(UUID codeId, Instant now) {
        if (jdbc.update("update activation_code set used_at = ? where id = ? and used_at is null", Timestamp.from(now), codeId) != 1) {
            throw new IllegalStateException("the activation code was used meanwhile");
        }
    }

    record Usable(UUID id, UUID patientId) {
    }

    static String hash(String typed) {
        return Sha256.hex("activation:" + normalise(typed));
    }

    static String normalise(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
