package io.hearth.audit.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The single writer of the chain on this node; see the package documentation for why. */
@Component
class ChainWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);
    private static final int MAX_BATCH = 500;
    private static final String RECOVER = """
            select id, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id, reason,
                   client_address, request_id, session_hash
            from audit_pending where occurred_at <= ? order by occurred_at""";

    private record Pending(NewEntry entry, CompletableFuture<Long> written) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointSeal seal;
    private final AuditProperties properties;
    private final java.time.Clock clock;
    private volatile boolean running;
    private Thread thread;

    ChainWriter(DataSource dataSource, CheckpointSeal seal, AuditProperties properties, java.time.Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // plain JDBC transactions: the writer needs no JPA persistence context, and creating one per batch costs CPU
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.seal = seal;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the entry; the future completes with its sequence number once it is committed. */
    CompletableFuture<Long> append(NewEntry entry) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit writer is not running"));
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit queue is full"));
        }
        return pending.written();
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("Could not write {} audit entries: {}", batch.size(), e.getClass().getSimpleName());
                batch.forEach(pending -> pending.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(pending -> pending.written().completeExceptionally(new IllegalStateException("the audit writer stopped")));
    }

    private void write(List<Pending> batch) {
        long[] sequences = transaction.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "select last_seq, last_hash, last_checkpoint_seq from audit_head where chain_id = 1 for update");
            long seq = ((Number) head.get("last_seq")).longValue();
            String previous = (String) head.get("last_hash");
            long lastCheckpoint = ((Number) head.get("last_checkpoint_seq")).longValue();
            List<Object[]> rows = new ArrayList<>(batch.size());
            long[] assigned = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                NewEntry entry = batch.get(i).entry();
                if (entry.pendingId() != null && jdbc.update("delete from audit_pending where id = ?", entry.pendingId()) == 0) {
                    assigned[i] = -1; // already chained by another writer's recovery
                    continue;
                }
                seq++;
                String hash = ChainHash.of(seq, entry, previous);
                rows.add(new Object[] { seq, Timestamp.from(entry.occurredAt()), entry.actorId(), entry.actorRoles(), entry.action(),
                        entry.outcome(), entry.patientId(), entry.objectType(), entry.objectId(), entry.reason(),
                        entry.clientAddress(), entry.requestId(), entry.sessionHash(), previous, hash });
                assigned[i] = seq;
                previous = hash;
            }
            jdbc.batchUpdate("""
                    insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type,
                        object_id, reason, client_address, request_id, session_hash, prev_hash, entry_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            if (seq - lastCheckpoint >= properties.checkpointInterval()) {
                jdbc.update("insert into audit_checkpoint (seq, entry_hash, seal, sealed_at) values (?, ?, ?, ?)",
                        seq, previous, seal.seal(seq, previous), Timestamp.from(clock.instant()));
                lastCheckpoint = seq;
            }
            jdbc.update("update audit_head set last_seq = ?, last_hash = ?, last_checkpoint_seq = ? where chain_id = 1",
                    seq, previous, lastCheckpoint);
            return assigned;
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written().complete(sequences[i]);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "audit-chain-writer");
        thread.setDaemon(true);
        thread.start();
        recoverPending(Duration.ZERO).join();
    }

    /**
     * Chains entries whose changing transaction committed but whose process died before the writer took them. At
     * start every pending entry qualifies; later only those older than a grace period, which the normal hand-over beats.
     */
    CompletableFuture<Void> recoverPending(Duration olderThan) {
        List<NewEntry> pending = jdbc.query(RECOVER, (row, index) -> NewEntry.fromRow(row, row.getObject("id", UUID.class)),
                Timestamp.from(clock.instant().minus(olderThan)));
        if (!pending.isEmpty()) {
            log.warn("Chaining {} audit entries of changes committed before an interruption", pending.size());
        }
        return CompletableFuture.allOf(pending.stream().map(this::append).toArray(CompletableFuture[]::new));
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void recoverStalePending() {
        recoverPending(Duration.ofSeconds(30));
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before, and stops after, every other lifecycle bean: so the web server stops taking requests first. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
