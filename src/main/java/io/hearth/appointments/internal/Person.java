package io.hearth.appointments.internal;

import io.hearth.audit.Actor;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: a patient (with their record's id) or a staff member (with their roles and, for clinicians, their
 * practitioner). Made by {@link AppointmentAccess#person}.
 */
public record Person(String username, Set<Role> roles, UUID patientId, UUID practitionerId, Actor actor) {

    /** The same person as the access policy knows callers. */
    Caller caller() {
        return Caller.person(null, username, null, roles, patientId, practitionerId);
    }

    public boolean isPatient() {
        return roles.contains(Role.PATIENT) && patientId != null;
    }

    /** Front desk staff schedule for the whole practice. */
    public boolean seesWholePractice() {
        return roles.contains(Role.FRONT_DESK);
    }

    public boolean isClinician() {
        return roles.contains(Role.PROVIDER) || roles.contains(Role.NURSE);
    }

    /** May book, cancel and change appointments for patients (front desk, providers, nurses). */
    public boolean isStaff() {
        return seesWholePractice() || isClinician();
    }

    /** May change the practice's set-up: locations, types, hours and time off. */
    public boolean managesSetup() {
        return roles.contains(Role.FRONT_DESK) || roles.contains(Role.ADMIN);
    }
}
