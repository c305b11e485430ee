package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.test.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Accounts that already look alike when V47 comes are kept; from then on the database refuses a new pair. */
class LookAlikeMigrationIT {

    @Test
    void existingLookAlikesSurviveTheMigrationAndOnlyTheOldestKeepsTheLookAlikeKey() {
        DriverManagerDataSource owner = TestDatabase.newDatabaseAsOwner();
        JdbcTemplate jdbc = new JdbcTemplate(owner);
        TestDatabase.migrate(owner, "45"); // as it was before V47 (V46 is for H2 only)
        Instant first = Instant.parse("2024-01-01T00:00:00Z");
        UUID admin = account(jdbc, "admin", first);
        UUID cyrillic = account(jdbc, "\u0430dmin", first.plusSeconds(60));
        UUID alpha = account(jdbc, "demo.\u0251dmin", first.plusSeconds(120));
        UUID demo = account(jdbc, "demo.admin", first.plusSeconds(180));

        TestDatabase.migrate(owner, "latest");

        assertThat(skeletonOf(jdbc, admin)).isEqualTo(Usernames.lookAlikeKey("admin"));
        assertThat(skeletonOf(jdbc, cyrillic)).as("kept, without the key the older admin holds").isNull();
        assertThat(skeletonOf(jdbc, alpha)).as("older than demo.admin").isEqualTo(Usernames.lookAlikeKey("demo.admin"));
        assertThat(skeletonOf(jdbc, demo)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(4);
        assertThatThrownBy(() -> jdbc.update("update account set username_skeleton = ? where id = ?", Usernames.lookAlikeKey("admin"), demo))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static String skeletonOf(JdbcTemplate jdbc, UUID account) {
        return jdbc.queryForObject("select username_skeleton from account where id = ?", String.class, account);
    }

    private static UUID account(JdbcTemplate jdbc, String username, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into account (id, username, username_key, display_name_ciphertext, password_hash, enabled, created_at, version) "
                + "values (?, ?, ?, ?, 'x', true, ?, 0)", id, username, Usernames.key(username), new byte[] { 1 }, Timestamp.from(createdAt));
        return id;
    }
}
