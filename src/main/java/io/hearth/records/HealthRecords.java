package io.hearth.records;

import java.util.Optional;
import java.util.UUID;

/** The health record module's API: storing what the EHR sends, and what other modules may ask about it. */
public interface HealthRecords {

    /**
     * Stores a batch in one transaction: new records are created, known ones (same source key) updated in place when
     * their content changed, and every write is audited as a system import (one entry per patient touched, naming the
     * counts, plus one for directory-only changes).
     *
     * @throws ImportRejectedException naming the first entry that cannot be stored; nothing of the batch is kept
     */
    ImportResult store(ImportBatch batch);

    /**
     * Brings the database's statistics of the record tables up to date, after a bulk import: until its autovacuum next
     * looks, a minute or more later, the database would plan the record pages for the tables' old sizes.
     */
    void refreshStatistics();

    /** Whether a patient record with this id exists. */
    boolean hasPatient(UUID patientId);

    /** The directory's practitioner with this identifier ({@code system|value}), if imported. */
    Optional<UUID> practitionerByIdentifier(String identifier);
}
