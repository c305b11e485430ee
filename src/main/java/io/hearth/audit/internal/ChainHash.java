package io.hearth.audit.internal;

import io.hearth.shared.Sha256;
import java.time.temporal.ChronoUnit;

/**
 * The canonical form of an entry and its hash. Each field is written as its length and its text, so no value can
 * be shifted into a neighbouring field without changing the hash.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(long seq, NewEntry entry, String previousHash) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(seq));
        field(canonical, entry.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
        field(canonical, entry.actorId());
        field(canonical, entry.actorRoles());
        field(canonical, entry.action());
        field(canonical, entry.outcome());
        field(canonical, entry.patientId() == null ? null : entry.patientId().toString());
        field(canonical, entry.objectType());
        field(canonical, entry.objectId());
        field(canonical, entry.reason());
        field(canonical, entry.clientAddress());
        field(canonical, entry.requestId());
        field(canonical, entry.sessionHash());
        field(canonical, previousHash);
        return Sha256.hex(canonical.toString());
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}
