package io.hearth.records;

import java.util.List;
import java.util.Map;

/**
 * One unit of import, stored in one transaction or not at all: typically one FHIR transaction bundle.
 *
 * @param origin who or what sent it, for the audit trail (e.g. {@code command line by jane}); never PHI, never a
 *     file name (Synthea names files after patients)
 * @param notStored resources of types the record does not keep, counted by type, so they are reported, not lost
 */
public record ImportBatch(String origin, List<DirectoryEntry> directory, List<RecordEntry> entries, Map<String, Integer> notStored) {

    public ImportBatch {
        directory = List.copyOf(directory);
        entries = List.copyOf(entries);
        notStored = Map.copyOf(notStored);
    }
}
