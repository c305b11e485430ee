package io.hearth.crypto;

import java.util.List;
import java.util.Map;

/**
 * One keyset's state.
 *
 * @param keyset {@code fields}, {@code files} or {@code blind-index}
 * @param primaryKeyId the key new data is encrypted under
 * @param keyIds every key in the keyset, oldest first
 * @param valuesPerKey for the field keyset, how many stored values each key id protects; empty for the others
 */
public record KeysetStatus(String keyset, int primaryKeyId, List<Integer> keyIds, Map<Integer, Long> valuesPerKey) {

    /** How many values are not yet under the primary key. */
    public long valuesUnderOldKeys() {
        return valuesPerKey.entrySet().stream().filter(e -> e.getKey() != primaryKeyId).mapToLong(Map.Entry::getValue).sum();
    }
}
