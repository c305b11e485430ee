package io.hearth.records;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an import did, counted by type name (e.g. {@code Observation}, {@code Practitioner}).
 *
 * @param created newly stored
 * @param updated stored before and changed now
 * @param unchanged stored before with the same content; not written again
 * @param notStored of types the record does not keep
 * @param patients the patients whose records the batch touched
 */
public record ImportResult(Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged,
        Map<String, Integer> notStored, Set<UUID> patients) {

    public int total() {
        return sum(created) + sum(updated) + sum(unchanged) + sum(notStored);
    }

    public int written() {
        return sum(created) + sum(updated);
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
