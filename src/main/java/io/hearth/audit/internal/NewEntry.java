package io.hearth.audit.internal;

import java.time.Instant;
import java.util.UUID;

/** An entry before the writer gives it its place in the chain. */
record NewEntry(Instant occurredAt, String actorId, String actorRoles, String action, String outcome, UUID patientId,
        String objectType, String objectId, String reason, String clientAddress, String requestId, String sessionHash) {
}
