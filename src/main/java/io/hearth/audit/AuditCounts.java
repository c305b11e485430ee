package io.hearth.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How often something happened in a window of the trail, per actor, client address or object: what the security
 * officer's monitoring rules (compliance) count. A window is read through the (action, time) index, so an hour costs
 * the same on a trail of any length; only keys with at least {@code atLeast} are returned, most first.
 */
public interface AuditCounts {

    /** At most this many keys come back from one count. */
    int MAX_KEYS = 1000;

    /** What the matching entries are grouped by. */
    enum Key {
        /** The actor's id; the system's actors and anonymous callers are left out. */
        ACTOR,
        /** The client address the request came from; entries without one are left out. */
        CLIENT_ADDRESS,
        /** The object's id, for entries naming an object of {@link Query#objectType()}. */
        OBJECT
    }

    /**
     * @param objectType the type of object counted by {@link Key#OBJECT} (ignored otherwise)
     * @param distinctPatients count the different patients in each group instead of its entries
     * @param from inclusive
     * @param to exclusive
     * @param only count this key alone; null for every key
     */
    record Query(AuditAction action, AuditOutcome outcome, Key key, String objectType, boolean distinctPatients, Instant from,
            Instant to, long atLeast, String only) {

        public Query {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (key == Key.OBJECT && objectType == null) {
                throw new IllegalArgumentException("Counting by object needs the object's type");
            }
        }

        /** The same count for one key only, from a later start. */
        public Query onlyFor(String key, Instant since) {
            return new Query(action, outcome, this.key, objectType, distinctPatients, since.isAfter(from) ? since : from, to, atLeast, key);
        }
    }

    /**
     * @param key the actor's id, the address or the object's id
     * @param first the earliest matching entry in the window
     * @param last the latest
     */
    record Count(String key, long count, Instant first, Instant last) {
    }

    /** The groups with at least {@code atLeast}, most first (at most {@link #MAX_KEYS}); entries still pending are counted. */
    List<Count> count(Query query);
}
