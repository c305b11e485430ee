package io.hearth.medications.internal;

import io.hearth.identity.Caller;
import java.util.UUID;

/**
 * Who is asking: a patient (with their record) or a clinician (with their practitioner in the directory). Made by
 * {@link RenewalAccess#viewer}.
 */
public record Viewer(Caller caller) {

    public String username() {
        return caller.username();
    }

    public UUID patientId() {
        return caller.isPatient() ? caller.patientId() : null;
    }

    public UUID practitionerId() {
        return caller.isClinician() && !caller.isPatient() ? caller.practitionerId() : null;
    }

    public boolean clinical() {
        return caller.isClinician() && !caller.isPatient();
    }

    public boolean isPatient() {
        return patientId() != null;
    }
}
