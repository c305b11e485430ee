package io.hearth.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.audit.AuditTrail;
import io.hearth.audit.ChainVerification;
import io.hearth.test.PortalTest;
import io.hearth.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PortalTest
class AuditTrailIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    ChainWriter writer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    static final UUID PATIENT = UUID.fromString("7b0f8a6e-2d4c-4c11-9d0e-3a1f5b6c7d8e");

    @BeforeEach
    void someEntries() {
        if (count() < 40) {
            for (int i = 0; i < 40; i++) {
                audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("dr.who", "PROVIDER"))
                        .patient(PATIENT).object("observation", i));
            }
            trail.awaitChained();
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        ChainVerification result = trail.verify();

        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(count());
    }

    @Test
    void aChangedFieldIsFoundAtItsEntry() throws SQLException {
        tamper("update audit_entry set actor_id = 'someone.else' where seq = 17",
                "update audit_entry set actor_id = 'dr.who' where seq = 17");

        ChainVerification result = lastResult;
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSequence()).isEqualTo(17);
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        tamper("create table saved as select * from audit_entry where seq = 12; delete from audit_entry where seq = 12",
                "insert into audit_entry select * from saved; drop table saved");

        assertThat(lastResult.intact()).isFalse();
        assertThat(lastResult.firstBadSequence()).isEqualTo(12);
        assertThat(lastResult.problem()).contains("missing");
    }

    @Test
    void anInsertedEntryIsFound() throws SQLException {
        tamper("""
                insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, outcome, prev_hash, entry_hash)
                select (select max(seq) + 1 from audit_entry), now(), 'intruder', '', 'PHI_VIEW', 'SUCCESS',
                       (select entry_hash from audit_entry order by seq desc limit 1), repeat('a', 64)""",
                "delete from audit_entry where actor_id = 'intruder'");

        assertThat(lastResult.intact()).isFalse();
        assertThat(lastResult.problem()).containsAnyOf("inserted", "changed");
    }

    @Test
    void twoSwappedEntriesAreFound() throws SQLException {
        tamper("""
                update audit_entry set seq = -1 where seq = 20;
                update audit_entry set seq = 20 where seq = 21;
                update audit_entry set seq = 21 where seq = -1""", """
                update audit_entry set seq = -1 where seq = 21;
                update audit_entry set seq = 21 where seq = 20;
                update audit_entry set seq = 20 where seq = -1""");

        assertThat(lastResult.intact()).isFalse();
        assertThat(lastResult.firstBadSequence()).isEqualTo(20);
    }

    @Test
    void aReadIsDurableWhenRecordReturnsAndJoinsTheChainMomentsLater() {
        long before = count();

        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("dr.who", "PROVIDER")).patient(PATIENT)
                .object("observation", "just-read"));

        assertThat(jdbc.queryForObject("""
                select (select count(*) from audit_pending where object_id = 'just-read')
                     + (select count(*) from audit_entry where object_id = 'just-read')""", Long.class))
                .as("committed, pending or already chained").isEqualTo(1);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).isZero();
    }

    @Test
    void textLongerThanItsColumnIsCutToFitInsteadOfFailingTheWrite() {
        String objectId = "GET /staff/patients/" + "x".repeat(200);
        audit.record(AuditEvent.of(AuditAction.AUTHORIZATION_FAILURE, AuditOutcome.DENIED).by(new Actor("dr.who", "PROVIDER"))
                .object("endpoint-" + "t".repeat(100), objectId).because("r".repeat(2000)));
        trail.awaitChained();

        Map<String, Object> stored = jdbc.queryForMap("select object_type, object_id, reason from audit_entry where object_id like 'GET /staff/patients/x%'");
        assertThat(stored.get("object_id")).isEqualTo(objectId.substring(0, 100));
        assertThat(stored.get("object_type").toString()).hasSize(60);
        assertThat(stored.get("reason").toString()).hasSize(1000);
    }

    @Test
    void theDatabaseRefusesAnEntryThatDoesNotExtendTheChain() {
        long head = count();
        String headHash = jdbc.queryForObject("select entry_hash from audit_entry where seq = ?", String.class, head);

        assertThatThrownBy(() -> insertAsAnotherWriter(head, headHash)).as("a sequence number already taken")
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insertAsAnotherWriter(head + 1, "f".repeat(64))).as("a link to another hash than the head's")
                .isInstanceOf(DataAccessException.class);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theWriterCatchesUpWhenAnotherWriterMovedTheHead() {
        long head = count();
        insertAsAnotherWriter(head + 1, jdbc.queryForObject("select entry_hash from audit_entry where seq = ?", String.class, head));

        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("dr.who", "PROVIDER")).patient(PATIENT)
                .object("observation", "after-the-other-node"));
        trail.awaitChained();

        assertThat(jdbc.queryForObject("select object_id from audit_entry where seq = ?", String.class, head + 2))
                .isEqualTo("after-the-other-node");
        ChainVerification result = trail.verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
    }

    /** Appends an entry the way a writer on another node would, as the application role. */
    private void insertAsAnotherWriter(long seq, String previous) {
        NewEntry entry = new NewEntry(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), "other.node",
                "NURSE", "PHI_VIEW", "SUCCESS", PATIENT, "observation", "from-another-node", null, null, null, null);
        jdbc.update("""
                insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id,
                    prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, java.sql.Timestamp.from(entry.occurredAt()),
                entry.actorId(), entry.actorRoles(), entry.action(), entry.outcome(), entry.patientId(), entry.objectType(),
                entry.objectId(), previous, ChainHash.of(seq, entry, previous));
    }

    @Test
    void aDenialInsideARolledBackTransactionStaysRecorded() {
        long before = count();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("insert into account (id, username, username_key, display_name_ciphertext, password_hash, enabled, created_at, version)"
                    + " values (?, 'rolled.back', 'rolled.back', ?, 'x', true, now(), 0)", UUID.randomUUID(), new byte[] { 1 });
            audit.record(AuditEvent.of(AuditAction.AUTHORIZATION_FAILURE, AuditOutcome.DENIED).patient(PATIENT).object("observation", "99"));
            status.setRollbackOnly();
        });

        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = 'rolled.back'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select outcome from audit_entry where seq = ?", String.class, before + 1)).isEqualTo("DENIED");
    }

    @Test
    void aChangeIsRecordedOnlyWhenItsTransactionCommits() {
        long before = count();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(PATIENT));
            status.setRollbackOnly();
        });
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).as("rolled back with the change").isZero();

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(PATIENT)));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aChangeCommittedJustBeforeACrashIsChainedOnceAtTheNextStart() {
        long before = count();
        UUID stranded = UUID.randomUUID();
        jdbc.update("""
                insert into audit_pending (id, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id)
                values (?, now(), 'dr.who', 'PROVIDER', 'PHI_CHANGE', 'SUCCESS', ?, 'observation', 'stranded')""", stranded, PATIENT);

        CompletableFuture.allOf(writer.recoverPending(java.time.Duration.ZERO), writer.recoverPending(java.time.Duration.ZERO)).join();

        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select object_id from audit_entry where seq = ?", String.class, before + 1)).isEqualTo("stranded");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theApplicationRoleCannotChangeOrDeleteAuditEntries() throws SQLException {
        assumeThat(TestDatabase.onPostgres()).as("database roles exist on PostgreSQL").isTrue();
        try (Connection app = DriverManager.getConnection(url, TestDatabase.appUser(), TestDatabase.appPassword())) {
            assertThatThrownBy(() -> app.createStatement().executeUpdate("update audit_entry set actor_id = 'x' where seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.createStatement().executeUpdate("delete from audit_entry where seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.createStatement().executeUpdate("truncate audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThat(app.createStatement().executeQuery("select count(*) from audit_entry").next()).isTrue();
        }
        try (Connection owner = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("delete from audit_entry where seq = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void aHundredThousandEntriesVerify() {
        long target = 100_000;
        for (long i = count(); i < target; i += 10_000) {
            List<CompletableFuture<Long>> written = new ArrayList<>();
            for (long j = i; j < Math.min(i + 10_000, target); j++) {
                written.add(writer.append(new NewEntry(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                        "bulk.writer", "NURSE", "PHI_VIEW", "SUCCESS", PATIENT, "observation", Long.toString(j), null, "127.0.0.1",
                        "0123456789abcdef", null)));
            }
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
        }

        long started = System.nanoTime();
        ChainVerification result = trail.verify();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(target);
        assertThat(result.lastCheckpointSequence()).isGreaterThanOrEqualTo(99_000);
        System.getLogger("audit").log(System.Logger.Level.INFO, "verified " + result.entriesChecked() + " entries in " + millis + " ms");
    }

    private ChainVerification lastResult;

    /** Tampers as the owner would (switching the append-only trigger off), verifies, then undoes the tampering. */
    private void tamper(String change, String undo) throws SQLException {
        try (Connection owner = ownerConnection()) {
            for (String statement : triggers(false).split(";")) {
                owner.createStatement().execute(statement);
            }
            for (String statement : change.split(";")) {
                owner.createStatement().execute(statement);
            }
            try {
                lastResult = trail.verify();
            } finally {
                for (String statement : undo.split(";")) {
                    owner.createStatement().execute(statement);
                }
                for (String statement : triggers(true).split(";")) {
                    owner.createStatement().execute(statement);
                }
            }
        }
        assertThat(trail.verify().intact()).as("the chain verifies again once the tampering is undone").isTrue();
    }

    /** The append-only and head-keeping triggers, which an owner bent on tampering would switch off first. */
    private String triggers(boolean on) {
        if (TestDatabase.onPostgres()) {
            return "alter table audit_entry " + (on ? "enable" : "disable") + " trigger user";
        }
        return on ? "create trigger audit_entry_append_only before update, delete on audit_entry for each row call 'io.hearth.audit.internal.AppendOnlyTrigger';"
                + "create trigger audit_entry_extends_head before insert on audit_entry for each row call 'io.hearth.audit.internal.ChainHeadTrigger'"
                : "drop trigger audit_entry_append_only; drop trigger audit_entry_extends_head";
    }

    private Connection ownerConnection() throws SQLException {
        return TestDatabase.onPostgres() ? DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())
                : DriverManager.getConnection(url, "sa", "");
    }

    private long count() {
        trail.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }
}
