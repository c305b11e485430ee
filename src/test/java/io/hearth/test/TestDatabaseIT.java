package io.hearth.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Each portal context starts on a copy of one template migrated per JVM; the tests that ask for an empty database get one. */
@PortalTest
class TestDatabaseIT {

    private static final String HISTORY = "select version, checksum, installed_on from flyway_schema_history order by installed_rank";

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate portal;

    @BeforeEach
    void onPostgres() {
        assumeThat(TestDatabase.onPostgres()).as("the template is a PostgreSQL database").isTrue();
    }

    @Test
    void thePortalStartsOnACopyOfTheTemplateAndItsFlywayAppliesNothing() {
        assertThat(flyway.info().pending()).isEmpty();
        List<String> history = history(portal);
        assertThat(history).hasSameSizeAs(flyway.info().applied()).isNotEmpty();
        assertThat(asOwner(TestDatabase.createMigratedDatabase(), TestDatabaseIT::history))
                .as("the same migrations at the same moments: both copied from one migration").isEqualTo(history);
    }

    @Test
    void theTemplateRefusesConnectionsSoItCanAlwaysBeCopied() {
        assertThatThrownBy(() -> DriverManager.getConnection(TestDatabase.serverUrl() + MigratedTemplate.name(), TestDatabase.user(),
                TestDatabase.password()).close()).isInstanceOf(SQLException.class).hasMessageContaining("not currently accepting connections");
        assertThat(asOwner(TestDatabase.createMigratedDatabase(), TestDatabaseIT::history)).isNotEmpty();
    }

    @Test
    void anEmptyDatabaseHasNoTables() {
        Integer tables = asOwner(TestDatabase.createDatabase(),
                jdbc -> jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public'", Integer.class));
        assertThat(tables).isZero();
    }

    private static List<String> history(JdbcTemplate jdbc) {
        return jdbc.query(HISTORY, (row, i) -> row.getString(1) + " " + row.getInt(2) + " " + row.getTimestamp(3).toInstant());
    }

    private static <T> T asOwner(String url, Function<JdbcTemplate, T> query) {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            return query.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
