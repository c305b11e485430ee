package io.hearth.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * An entry before the writer gives it its place in the chain.
 *
 * @param pendingId set when the entry was first written to audit_pending in the changing transaction; the writer
 *     chains it only if it can still delete that row (so a crash-recovered entry is never chained twice)
 */
record NewEntry(Instant occurredAt, String actorId, String actorRoles, String action, String outcome, UUID patientId,
        String objectType, String objectId, String reason, String clientAddress, String requestId, String sessionHash,
        UUID pendingId) {

    NewEntry(Instant occurredAt, String actorId, String actorRoles, String action, String outcome, UUID patientId,
            String objectType, String objectId, String reason, String clientAddress, String requestId, String sessionHash) {
        this(occurredAt, actorId, actorRoles, action, outcome, patientId, objectType, objectId, reason, clientAddress, requestId,
                sessionHash, null);
    }

    /** The entry's fields from a row of audit_entry or audit_pending (same column names in both). */
    static NewEntry fromRow(ResultSet row, UUID pendingId) throws SQLException {
        return new NewEntry(row.getTimestamp("occurred_at").toInstant(), row.getString("actor_id"), row.getString("actor_roles"),
                row.getString("action"), row.getString("outcome"), row.getObject("patient_id", UUID.class),
                row.getString("object_type"), row.getString("object_id"), row.getString("reason"),
                row.getString("client_address"), row.getString("request_id"), row.getString("session_hash"), pendingId);
    }

    NewEntry pending(UUID id) {
        return new NewEntry(occurredAt, actorId, actorRoles, action, outcome, patientId, objectType, objectId, reason,
                clientAddress, requestId, sessionHash, id);
    }
}
