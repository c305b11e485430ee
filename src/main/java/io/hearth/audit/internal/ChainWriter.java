package io.hearth.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
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

/** The single writer of the chain on this node; see the package documentation for why. */
@Component
class ChainWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);
    private static final int MAX_BATCH = 500;
    private static final String RECOVER = """
            select id, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id, reason,
                   client_address, request_id, session_hash
            from audit_pending where occurred_at <= ? order by occurred_at""";

    private static final int MAX_ATTEMPTS = 5;
    private static final String INSERT = """
            insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type,
                object_id, reason, client_address, request_id, session_hash, prev_hash, entry_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Longest an entry nobody waits for stays in memory before it is chained. */
    private static final Duration GATHER = Duration.ofMillis(50);

    /**
     * An entry to chain, or with a null entry a marker that completes when everything before it is written; a probe
     * marker also needs the database: it completes only once its batch committed or the chain's head could be read.
     */
    private record Pending(NewEntry entry, boolean awaited, boolean probe, CompletableFuture<Long> written) {
    }

    /** Where this writer believes the chain ends; only the writer thread touches it, null means read it again. */
    private record Head(long seq, String hash, long lastCheckpoint) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private Head head;
    private final CheckpointSeal seal;
    private final AuditProperties properties;
    private final java.time.Clock clock;
    private volatile boolean running;
    private Thread thread;

    ChainWriter(DataSource dataSource, CheckpointSeal seal, AuditProperties properties, java.time.Clock clock) {
        // plain JDBC on a connection of its own per batch: no persistence context, no transaction manager; every
        // round trip saved is CPU saved on each audited request
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.seal = seal;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues the entry for a caller that waits; the future completes with its sequence number once it is committed.
     * For entries that exist nowhere else yet (recorded inside a transaction that may roll back).
     */
    CompletableFuture<Long> append(NewEntry entry) {
        return offer(entry, true, false);
    }

    /**
     * Queues an entry already durable in audit_pending; nobody waits, so the writer may gather it with others. If the
     * queue is full or the process dies first, the row stays pending and the recovery chains it later.
     */
    void enqueue(NewEntry entry) {
        offer(entry, false, false).exceptionally(problem -> {
            log.warn("An audit entry stays pending for the recovery: {}", problem.getClass().getSimpleName()); // a driver's message may quote the row
            return -1L;
        });
    }

    /** Completes once every entry queued before it is in the chain (or failed). */
    CompletableFuture<Long> flush() {
        return offer(null, true, false);
    }

    /**
     * Completes once this writer has shown that it can write now: its thread is alive and not stuck behind a full
     * queue, and it reached the chain's tables (a batch committed, or the head read) after the call. Fails when the
     * writer is stopped, its queue is full or the database refused it.
     */
    CompletableFuture<Long> probe() {
        return offer(null, true, true);
    }

    /** Waits for the writer; the audit counts as unavailable when it cannot answer within 30 seconds. */
    static void await(CompletableFuture<Long> written) {
        try {
            written.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AuditUnavailableException(e);
        }
    }

    private CompletableFuture<Long> offer(NewEntry entry, boolean awaited, boolean probe) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit writer is not running"));
        }
        Pending pending = new Pending(entry, awaited, probe, new CompletableFuture<>());
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
                gatherWhileNobodyWaits(batch);
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

    /**
     * When no caller waits for this batch, waits a little for more entries: a batch costs two round trips however
     * many entries it holds, so entries that are already durable are cheapest chained many at a time.
     */
    private void gatherWhileNobodyWaits(List<Pending> batch) throws InterruptedException {
        boolean awaited = batch.stream().anyMatch(Pending::awaited);
        long deadline = System.nanoTime() + GATHER.toNanos();
        while (!awaited && running && batch.size() < MAX_BATCH) {
            Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            awaited = next.awaited();
            int before = batch.size();
            queue.drainTo(batch, MAX_BATCH - batch.size());
            for (int i = before; i < batch.size() && !awaited; i++) {
                awaited = batch.get(i).awaited();
            }
        }
    }

    private void write(List<Pending> batch) {
        for (int attempt = 1;; attempt++) {
            try {
                long[] sequences = chain(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).written().complete(sequences[i]);
                }
                return;
            } catch (SQLException e) {
                head = null; // another writer moved the head, or the connection broke: read it again
                if (!chainMoved(e) || attempt == MAX_ATTEMPTS) {
                    throw new AuditUnavailableException(e);
                }
            }
        }
    }

    /**
     * Appends the batch in one transaction of two round trips (the inserts, then the commit); the database's trigger
     * moves the head and refuses entries that do not extend it (V11), so the head is read only at start and after a
     * refusal, never locked by this writer.
     */
    private long[] chain(List<Pending> batch) throws SQLException {
        if (batch.stream().allMatch(pending -> pending.entry() == null)) {
            if (batch.stream().anyMatch(Pending::probe)) {
                try (Connection connection = dataSource.getConnection()) {
                    head = readHead(connection);
                }
            }
            long[] markers = new long[batch.size()];
            java.util.Arrays.fill(markers, -1);
            return markers;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Head start = head != null ? head : readHead(connection);
                boolean[] alreadyChained = claimPending(connection, batch);
                long seq = start.seq();
                String previous = start.hash();
                long[] assigned = new long[batch.size()];
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (int i = 0; i < batch.size(); i++) {
                        if (alreadyChained[i] || batch.get(i).entry() == null) {
                            assigned[i] = -1;
                            continue;
                        }
                        NewEntry entry = batch.get(i).entry();
                        seq++;
                        String hash = ChainHash.of(seq, entry, previous);
                        bind(insert, seq, entry, previous, hash);
                        insert.addBatch();
                        assigned[i] = seq;
                        previous = hash;
                    }
                    insert.executeBatch();
                }
                long lastCheckpoint = start.lastCheckpoint();
                if (seq - lastCheckpoint >= properties.checkpointInterval()) {
                    seal(connection, seq, previous);
                    lastCheckpoint = seq;
                }
                connection.commit();
                head = new Head(seq, previous, lastCheckpoint);
                return assigned;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Head readHead(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select last_seq, last_hash, last_checkpoint_seq from audit_head where chain_id = 1");
                ResultSet row = query.executeQuery()) {
            row.next();
            return new Head(row.getLong(1), row.getString(2), row.getLong(3));
        }
    }

    /** Deletes the audit_pending rows of entries that have one; an entry whose row is gone was chained by a recovery. */
    private static boolean[] claimPending(Connection connection, List<Pending> batch) throws SQLException {
        boolean[] gone = new boolean[batch.size()];
        if (batch.stream().noneMatch(pending -> pending.entry() != null && pending.entry().pendingId() != null)) {
            return gone;
        }
        List<Integer> indexes = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("delete from audit_pending where id = ?")) {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).entry() != null && batch.get(i).entry().pendingId() != null) {
                    delete.setObject(1, batch.get(i).entry().pendingId());
                    delete.addBatch();
                    indexes.add(i);
                }
            }
            int[] deleted = delete.executeBatch();
            for (int k = 0; k < deleted.length; k++) {
                gone[indexes.get(k)] = deleted[k] == 0;
            }
        }
        return gone;
    }

    private static void bind(PreparedStatement insert, long seq, NewEntry entry, String previous, String hash) throws SQLException {
        insert.setLong(1, seq);
        insert.setObject(2, entry.occurredAt().atOffset(ZoneOffset.UTC));
        insert.setString(3, entry.actorId());
        insert.setString(4, entry.actorRoles());
        insert.setString(5, entry.action());
        insert.setString(6, entry.outcome());
        insert.setObject(7, entry.patientId());
        insert.setString(8, entry.objectType());
        insert.setString(9, entry.objectId());
        insert.setString(10, entry.reason());
        insert.setString(11, entry.clientAddress());
        insert.setString(12, entry.requestId());
        insert.setString(13, entry.sessionHash());
        insert.setString(14, previous);
        insert.setString(15, hash);
    }

    private void seal(Connection connection, long seq, String hash) throws SQLException {
        try (PreparedStatement checkpoint = connection.prepareStatement(
                "insert into audit_checkpoint (seq, entry_hash, seal, sealed_at) values (?, ?, ?, ?)");
                PreparedStatement mark = connection.prepareStatement("update audit_head set last_checkpoint_seq = ? where chain_id = 1")) {
            checkpoint.setLong(1, seq);
            checkpoint.setString(2, hash);
            checkpoint.setString(3, seal.seal(seq, hash));
            checkpoint.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
            checkpoint.executeUpdate();
            mark.setLong(1, seq);
            mark.executeUpdate();
        }
    }

    /** The trigger's refusal (serialization_failure), or a sequence number another writer took first (unique_violation). */
    private static boolean chainMoved(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if ("40001".equals(cause.getSQLState()) || "23505".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
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
