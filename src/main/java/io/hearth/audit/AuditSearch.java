package io.hearth.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The security officer's search of the audit trail: by user, patient, action, outcome and time, newest first, a page
 * at a time (keyset paging on time and sequence, so a page costs the same however deep). "Every patient this user
 * opened between T1 and T2" and "everyone who opened this patient's record" use the (actor, time) and (patient, time)
 * indexes.
 */
public interface AuditSearch {

    int MAX_EXPORT = 100_000;

    /** Every field optional; {@code to} is exclusive. */
    record Filter(String actor, UUID patient, AuditAction action, AuditOutcome outcome, Instant from, Instant to) {
    }

    /** Where a page ends: the next page starts after this entry. */
    record Cursor(Instant occurredAt, long seq) {
    }

    /** One entry as the search shows it (the hashes stay out). */
    record Entry(long seq, Instant occurredAt, String actorId, String actorRoles, String action, String outcome, UUID patientId,
            String objectType, String objectId, String reason, String clientAddress) {
    }

    /** Up to {@code limit} entries after the cursor (null: from the newest). */
    List<Entry> page(Filter filter, Cursor after, int limit);

    /** Every matching entry, newest first, at most {@link #MAX_EXPORT}; returns how many were given. */
    int each(Filter filter, Consumer<Entry> entry);
}
