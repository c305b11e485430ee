package io.hearth.records.internal;

import io.hearth.records.RecordDetails;
import io.hearth.records.RecordKind;
import java.time.Instant;
import java.util.UUID;

/** One stored record, decrypted, as the patient's pages read it. */
public record StoredRecord(UUID id, RecordKind kind, UUID patientId, UUID encounterId, UUID parentId, String category,
        String status, String codeKey, Instant effective, Instant ended, RecordDetails details) {

    @Override
    public String toString() {
        return "StoredRecord[" + kind + " " + id + "]";
    }
}
