package io.hearth.identity.internal;

import io.hearth.identity.IdentityProperties;
import io.hearth.identity.Usernames;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-in steps per account and locks it for a while after too many. Each failure locks the account
 * row while it counts, so 20 attempts in parallel count exactly; a locked account's failures are not counted, so they
 * cannot extend the lock.
 */
@Component
class Lockout {

    private final JdbcTemplate jdbc;
    private final IdentityProperties.Lockout settings;
    private final Clock clock;

    Lockout(JdbcTemplate jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.lockout();
        this.clock = clock;
    }

    /**
     * Counts a failure against the account the typed name refers to (its username or email address).
     *
     * @return the account's id if this failure locked it
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<UUID> recordFailure(String typedName, String emailIndex) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, failed_attempts, locked_until from account where username_key = ? or email_index = ? for update",
                Usernames.key(typedName), emailIndex);
        if (rows.size() != 1) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        Instant now = clock.instant();
        if (row.get("locked_until") instanceof Timestamp lockedUntil && lockedUntil.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        UUID id = (UUID) row.get("id");
        int failures = ((Number) row.get("failed_attempts")).intValue() + 1;
        if (failures >= settings.maxFailures()) {
            jdbc.update("update account set failed_attempts = 0, locked_until = ? where id = ?",
                    Timestamp.from(now.plus(settings.duration())), id);
            return Optional.of(id);
        }
        jdbc.update("update account set failed_attempts = ? where id = ?", failures, id);
        return Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username) {
        jdbc.update("update account set failed_attempts = 0 where username_key = ? and failed_attempts <> 0", Usernames.key(username));
    }

    @Transactional
    public boolean unlock(String username) {
        return jdbc.update("update account set failed_attempts = 0, locked_until = null where username_key = ? and locked_until is not null",
                Usernames.key(username)) > 0;
    }
}
