package io.hearth.audit.internal;

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

    NewEntry pending(UUID id) {
        return new NewEntry(occurredAt, actorId, actorRoles, action, outcome, patientId, objectType, objectId, reason,
                clientAddress, requestId, sessionHash, id);
    }
}
