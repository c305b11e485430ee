package io.hearth.records;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Who a patient record says the patient is: for confirming a person signing up for it. */
public interface PatientIdentities {

    /** The record's name and date of birth; empty when there is no such patient record. */
    Optional<PatientIdentity> of(UUID patientId);

    /** A patient's name and date of birth; PHI, so its {@code toString} says nothing. */
    record PatientIdentity(String name, LocalDate birthDate) {

        @Override
        public String toString() {
            return "PatientIdentity[hidden]";
        }
    }
}
