package io.hearth.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hashes of an account's earlier passwords, newest first. */
@Component
class PasswordHistory {

    private final JdbcTemplate jdbc;

    PasswordHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> recent(UUID accountId, int count) {
        return count <= 0 ? List.of() : jdbc.queryForList(
                "select password_hash from password_history where account_id = ? order by replaced_at desc limit ?",
                String.class, accountId, count);
    }

    void add(UUID accountId, String hash, Instant when) {
        jdbc.update("insert into password_history (id, account_id, password_hash, replaced_at) values (?, ?, ?, ?)",
                UUID.randomUUID(), accountId, hash, Timestamp.from(when));
    }
}
