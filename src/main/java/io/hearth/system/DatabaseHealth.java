package io.hearth.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code db} (in place of Spring Boot's, which it replaces by bean name): a real query through the
 * connection pool, as a page's would go, answered within the pool's wait for a connection plus {@link #QUERY_TIMEOUT}.
 * Boot's indicator asks {@code Connection.isValid(0)}, that is without any time limit, so a connection whose network
 * went silent would hold the health check, and the load balancer asking it, until TCP gives up; here the driver's
 * network timeout bounds the query (the pool restores the connection's own setting when it is handed back, and
 * discards it if the timeout broke it). Only the status is told, never the error's text.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, (int) QUERY_TIMEOUT.toMillis());
            try (Statement query = connection.createStatement()) {
                query.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
                query.execute("select 1");
            }
            return Health.up().build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().build();
        }
    }
}
