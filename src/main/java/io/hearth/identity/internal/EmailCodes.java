package io.hearth.identity.internal;

import io.hearth.crypto.BlindIndex;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 6-digit codes a patient may ask for by email. Only a keyed hash is stored (a million codes would be quick to
 * try against a plain hash); each works once, before it expires, and using one voids the others.
 */
@Component
class EmailCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final BlindIndex blindIndex;

    EmailCodes(JdbcTemplate jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
    }

    /** A new code for the account, stored hashed; the caller sends it and forgets it. */
    String issue(UUID accountId, Instant now, Duration validity) {
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.update("insert into email_code (id, account_id, code_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), accountId, hash(accountId, code), Timestamp.from(now), Timestamp.from(now.plus(validity)));
        return code;
    }

    int sentSince(UUID accountId, Instant since) {
        return jdbc.queryForObject("select count(*) from email_code where account_id = ? and created_at > ?", Integer.class,
                accountId, Timestamp.from(since));
    }

    /** Uses the code if it is the account's, unused and not expired; then no other code of the account works either. */
    boolean use(UUID accountId, String typed, Instant now) {
        String code = typed.replaceAll("\\s", "");
        if (!code.matches("\\d{6}")) {
            return false;
        }
        int used = jdbc.update("update email_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null and expires_at > ?",
                Timestamp.from(now), accountId, hash(accountId, code), Timestamp.from(now));
        if (used == 0) {
            return false;
        }
        jdbc.update("update email_code set used_at = ? where account_id = ? and used_at is null", Timestamp.from(now), accountId);
        return true;
    }

    private String hash(UUID accountId, String code) {
        return blindIndex.of("identity.email-code", accountId + ":" + code);
    }
}
