package io.hearth.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record to store. References are source keys (the importer's stable identity of a resource, e.g. its type and
 * identifier or fullUrl), resolved within the batch or to earlier imports; a key that resolves nowhere rejects the
 * batch.
 *
 * @param label how errors name this entry (e.g. {@code entry 17 (urn:uuid:...)}); never PHI
 * @param sourceKey this record's identity: the same key updates the same record
 * @param patientKey source key of the patient it belongs to ({@code null} for a patient itself and shared medications)
 * @param encounterKey source key of its visit, if any
 * @param memberKeys source keys of the records it groups (a report's results)
 * @param category coarse category (laboratory, vital-signs, clinical-note...), stored in clear for queries
 * @param status status code, stored in clear for queries (active, final...)
 * @param code the code whose trend or identity matters ({@code system|code}); stored only as a keyed hash
 * @param effective when it happened or started
 * @param ended when it ended, if it did
 * @param practitioners directory references of practitioners who care for the patient through this record
 */
public record RecordEntry(String label, RecordKind kind, String sourceKey, String patientKey, String encounterKey,
        List<String> memberKeys, String category, String status, String code, Instant effective, Instant ended,
        List<String> practitioners, RecordDetails details) {

    public RecordEntry {
        Objects.requireNonNull(label);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(sourceKey);
        Objects.requireNonNull(details);
        memberKeys = memberKeys == null ? List.of() : List.copyOf(memberKeys);
        practitioners = practitioners == null ? List.of() : List.copyOf(practitioners);
    }

    @Override
    public String toString() {
        return "RecordEntry[" + label + ", " + kind + "]";
    }
}
