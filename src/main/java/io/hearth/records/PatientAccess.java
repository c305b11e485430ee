package io.hearth.records;

import io.hearth.identity.Caller;
import java.util.Set;
import java.util.UUID;

/**
 * May this caller see this patient's data of this kind? The one place Hearth answers it; every module that shows or
 * changes a patient's data asks here (and audits a refusal as a 404). The rules are one table, in
 * {@code internal.PatientAccessPolicy}, and README's roles section says the same in words.
 */
public interface PatientAccess {

    AccessDecision decide(Caller caller, UUID patient, DataKind kind);

    /**
     * The same, for an item that names a practitioner (an appointment with them): that practitioner's own clinician
     * may see it even for a patient outside their care team.
     */
    AccessDecision decide(Caller caller, UUID patient, DataKind kind, UUID namedPractitioner);

    /** Which patients' data of this kind the caller may see, for lists and counts (queries filter with it). */
    Reach reach(Caller caller, DataKind kind);

    /**
     * Whether the practitioner is in the patient's care team: for rules about whom a patient may write to or book
     * with, not for access (which {@link #decide} answers).
     */
    boolean caresFor(UUID practitioner, UUID patient);

    /**
     * The patients a list may show: all of them, or these (and, where {@code namedPractitioner} is set, any item that
     * names that practitioner).
     */
    record Reach(boolean wholePractice, Set<UUID> patients, UUID namedPractitioner) {

        public Reach {
            patients = Set.copyOf(patients);
        }

        public static Reach none() {
            return new Reach(false, Set.of(), null);
        }

        public boolean includes(UUID patient) {
            return wholePractice || patients.contains(patient);
        }
    }
}
