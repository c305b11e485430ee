package io.hearth.medications.internal;

import java.util.UUID;

/**
 * Who is asking: a patient (with their record) or a clinician (with their practitioner in the directory). Made by
 * {@link RenewalAccess#viewer}.
 */
public record Viewer(String username, UUID patientId, UUID practitionerId, boolean clinical) {

    public boolean isPatient() {
        return patientId != null;
    }
}
