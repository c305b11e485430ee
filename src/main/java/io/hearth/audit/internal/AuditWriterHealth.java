package io.hearth.audit.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code audit}: UP only while audit entries can be written, because every audited action is refused
 * without its entry, so a node whose trail cannot take entries serves nobody. It asks the chain writer itself (a
 * probe through its queue, see {@link ChainWriter#probe()}) rather than the database alone: a stopped or stuck writer,
 * a full queue or audit tables the writer cannot reach are all DOWN, and the answer comes within {@link #WAIT} whatever
 * the cause. Only the status is told, never an error's text.
 */
@Component("auditHealthIndicator")
class AuditWriterHealth implements HealthIndicator {

    static final Duration WAIT = Duration.ofSeconds(2);

    private final ChainWriter writer;

    AuditWriterHealth(ChainWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        try {
            writer.probe().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down().build();
        }
    }
}
