package io.hearth.identity.internal;

import io.hearth.shared.Sha256;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Confirmation tokens: 256 random bits, kept only as a SHA-256 hash, single use, for the address they were sent to. */
@Component
class EmailConfirmations {

    private final JdbcTemplate jdbc;

    EmailConfirmations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the token to put in the link (never stored, never logged) */
    String issue(UUID accountId, String emailIndex, Instant now, Duration validity) {
        String token = RandomTokens.newToken();
        jdbc.update("""
                insert into email_confirmation_token (id, account_id, token_hash, email_index, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), accountId, Sha256.hex(token), emailIndex, Timestamp.from(now),
                Timestamp.from(now.plus(validity)));
        return token;
    }

    /**
     * Uses the token up, atomically, if it is unused, unexpired and for the address the account has now.
     *
     * @return the account whose address the link confirms
     */
    Optional<UUID> redeem(String token, Instant now) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select t.id, t.account_id from email_confirmation_token t join account a on a.id = t.account_id
                where t.token_hash = ? and t.used_at is null and t.expires_at > ? and t.email_index = a.email_index
                for update""", Sha256.hex(token), Timestamp.from(now));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("update email_confirmation_token set used_at = ? where id = ?", Timestamp.from(now), rows.get(0).get("id"));
        return Optional.of((UUID) rows.get(0).get("account_id"));
    }
}
