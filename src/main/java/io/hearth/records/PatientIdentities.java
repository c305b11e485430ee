package io.hearth.records;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Who a patient record says the patient is: for confirming a person signing up for it. */
public interface PatientIdentities {

    /** The record's name and date of birth; empty when there is no such patient record. */
    Optional<PatientIdentity> of(UUID patientId);

    /**
     * Patients whose name contains every word typed (ignoring case and accents), or whose date of birth is the one
     * typed ({@code yyyy-mm-dd}), by name; at most {@code limit}. For staff who may look up any patient (front desk
     * booking a visit); the caller audits the search.
     */
    java.util.List<PatientMatch> search(String typed, int limit);

    /** One patient found by {@link #search}; PHI, so its {@code toString} says nothing. */
    record PatientMatch(UUID id, String name, LocalDate birthDate) {

        @Override
        public String toString() {
            return "PatientMatch[" + id + "]";
        }
    }

    /** A patient's name and date of birth; PHI, so its {@code toString} says nothing. */
    record PatientIdentity(String name, LocalDate birthDate) {

        @Override
        public String toString() {
            return "PatientIdentity[hidden]";
        }
    }
}
