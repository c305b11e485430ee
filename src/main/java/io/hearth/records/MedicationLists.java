package io.hearth.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's medications (their MedicationRequest records), for modules that work with them, such as renewals. It
 * only reads: the caller decides who may see whose medications and audits what it shows.
 */
public interface MedicationLists {

    /** The patient's medications, active first, newest first within each; empty for an unknown patient. */
    List<Medication> of(UUID patientId);

    /** One of this patient's medications; empty when the id is not one, or is in another patient's record. */
    Optional<Medication> find(UUID patientId, UUID medicationId);

    /**
     * One prescription as the record holds it; PHI, so its {@code toString} says nothing.
     *
     * @param code the medication's code as {@code system|code} (RxNorm for the EHR's medicines), if any
     * @param dosage the dosage instructions as text, if any
     * @param status the request's status code (active, stopped, completed...)
     * @param prescriberId the prescriber in the practice directory, when the record names one the directory knows
     * @param prescriberName how the prescriber is named: the directory's name, else the EHR's display
     */
    record Medication(UUID id, UUID patientId, String title, String code, String dosage, String status, Instant authoredOn,
            UUID prescriberId, String prescriberName) {

        public boolean active() {
            return "active".equals(status);
        }

        @Override
        public String toString() {
            return "Medication[" + id + "]";
        }
    }
}
