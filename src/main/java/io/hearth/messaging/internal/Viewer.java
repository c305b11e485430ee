package io.hearth.messaging.internal;

import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who is reading or writing: a patient (with their record) or a staff member (with their roles and, for clinical
 * staff, their practitioner). Made by {@link MessageAccess#viewer}.
 */
public record Viewer(String username, Set<Role> roles, UUID patientId, UUID practitionerId) {

    public boolean isPatient() {
        return patientId != null;
    }

    /** The same person as the access policy knows callers. */
    Caller caller() {
        return Caller.person(null, username, null, roles, patientId, practitionerId);
    }

    boolean isClinical() {
        return practitionerId != null && roles.stream().anyMatch(Pool.CLINICAL_ROLES::contains);
    }
}
