package io.hearth.audit.internal;

import io.hearth.audit.AuditTrail;
import io.hearth.audit.ChainVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the chain from the first entry, recomputing every hash and checking every seal. */
@Service
class ChainVerifier implements AuditTrail {

    private final JdbcTemplate jdbc;
    private final CheckpointSeal seal;
    private final ChainWriter writer;

    ChainVerifier(JdbcTemplate jdbc, CheckpointSeal seal, ChainWriter writer) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.writer = writer;
    }

    @Override
    public void awaitChained() {
        ChainWriter.await(writer.flush());
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        if (writer.isRunning()) {
            awaitChained();
        }
        Map<Long, String> checkpoints = new HashMap<>();
        long[] firstBadSeal = { -1 };
        jdbc.query("select seq, entry_hash, seal from audit_checkpoint order by seq", (RowCallbackHandler) row -> {
            long seq = row.getLong("seq");
            String hash = row.getString("entry_hash");
            if (!seal.verify(seq, hash, row.getString("seal")) && firstBadSeal[0] < 0) {
                firstBadSeal[0] = seq;
            }
            checkpoints.put(seq, hash);
        });
        Walk walk = new Walk(checkpoints);
        jdbc.setFetchSize(2000);
        jdbc.query("""
                select seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id, reason,
                       client_address, request_id, session_hash, prev_hash, entry_hash
                from audit_entry order by seq""", walk);
        if (walk.problem == null) {
            Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_head where chain_id = 1");
            long headSeq = ((Number) head.get("last_seq")).longValue();
            if (walk.lastSeq > headSeq) {
                walk.fail(headSeq + 1, "entry " + (headSeq + 1) + " was inserted after the chain's head");
            } else if (headSeq != walk.lastSeq || !walk.lastHash.equals(head.get("last_hash"))) {
                walk.fail(walk.lastSeq + 1, "entries after " + walk.lastSeq + " were removed (the chain's head is at " + headSeq + ")");
            } else if (checkpoints.keySet().stream().anyMatch(seq -> seq > walk.lastSeq)) {
                walk.fail(walk.lastSeq + 1, "entries after " + walk.lastSeq + " were removed (a sealed checkpoint is beyond them)");
            }
        }
        if (walk.problem == null && firstBadSeal[0] >= 0) {
            walk.fail(firstBadSeal[0], "the checkpoint at entry " + firstBadSeal[0] + " has an invalid seal (the chain was re-hashed)");
        }
        long confirmed = checkpoints.keySet().stream().filter(seq -> walk.problem == null || seq < walk.badSeq)
                .mapToLong(Long::longValue).max().orElse(0);
        return new ChainVerification(walk.problem == null, walk.checked, walk.problem == null ? -1 : walk.badSeq,
                walk.problem == null ? "" : walk.problem, confirmed);
    }

    private static final class Walk implements RowCallbackHandler {

        private final Map<Long, String> checkpoints;
        long checked;
        long lastSeq;
        String lastHash = ChainHash.GENESIS;
        long badSeq = -1;
        String problem;

        Walk(Map<Long, String> checkpoints) {
            this.checkpoints = checkpoints;
        }

        void fail(long seq, String what) {
            if (problem == null) {
                badSeq = seq;
                problem = what;
            }
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            checked++;
            if (problem != null) {
                return;
            }
            long seq = row.getLong("seq");
            if (seq != lastSeq + 1) {
                fail(lastSeq + 1, "entry " + (lastSeq + 1) + " is missing (removed)");
                return;
            }
            if (!lastHash.equals(row.getString("prev_hash"))) {
                fail(seq, "entry " + seq + " does not follow entry " + lastSeq + " (inserted, removed or reordered)");
                return;
            }
            NewEntry entry = NewEntry.fromRow(row, null);
            String hash = ChainHash.of(seq, entry, lastHash);
            if (!hash.equals(row.getString("entry_hash"))) {
                fail(seq, "entry " + seq + " was changed");
                return;
            }
            String sealed = checkpoints.get(seq);
            if (sealed != null && !sealed.equals(hash)) {
                fail(seq, "entry " + seq + " differs from its sealed checkpoint");
                return;
            }
            lastSeq = seq;
            lastHash = hash;
        }
    }
}
