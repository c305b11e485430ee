package io.hearth.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class AuditWriterHealthTests {

    @Test
    void aWriterThatIsNotRunningIsDownAtOnce() {
        ChainWriter stopped = new ChainWriter(new DriverManagerDataSource("jdbc:h2:mem:no-audit-writer"), null,
                new AuditProperties(1000, Duration.ofDays(2190)), Clock.systemUTC());

        long started = System.nanoTime();
        Status status = new AuditWriterHealth(stopped).health().getStatus();

        assertThat(status).isEqualTo(Status.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AuditWriterHealth.WAIT);
    }
}
