package io.hearth.appointments.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which appointment, decided where appointments are read: a patient their own; front desk
 * staff any; a provider or nurse those with their own practitioner or of a patient in their care team. Anything else
 * is not there for them (404), and the attempt is audited.
 */
@Component
public class AppointmentAccess {

    private final Accounts accounts;
    private final CareTeams careTeams;
    private final AuditLog audit;

    AppointmentAccess(Accounts accounts, CareTeams careTeams, AuditLog audit) {
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.audit = audit;
    }

    public Person person(Authentication who) {
        java.util.Set<Role> roles = Role.heldBy(who);
        UUID patient = roles.contains(Role.PATIENT) ? accounts.patientOf(who.getName()).orElse(null) : null;
        UUID practitioner = roles.contains(Role.PROVIDER) || roles.contains(Role.NURSE) ? accounts.practitionerOf(who.getName()).orElse(null) : null;
        return new Person(who.getName(), roles, patient, practitioner, Actor.of(who));
    }

    /** Whether this staff member may see who the patient of this appointment is and open it. */
    boolean staffMaySee(Person staff, UUID patient, UUID practitioner) {
        if (staff.seesWholePractice()) {
            return true;
        }
        return staff.isClinician() && staff.practitionerId() != null
                && (staff.practitionerId().equals(practitioner) || careTeams.isInCareTeam(staff.practitionerId(), patient));
    }

    Appointment require(Person person, Appointment found, UUID asked) {
        boolean allowed = found != null && (person.isPatient() ? found.patientId.equals(person.patientId())
                : staffMaySee(person, found.patientId, found.practitionerId));
        if (!allowed) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).by(person.actor())
                    .patient(found == null || person.isPatient() ? person.patientId() : found.patientId).object("appointment", asked)
                    .because(found == null ? "no such appointment" : person.isPatient() ? "another patient's appointment" : "not in the care team"));
            throw new AppointmentNotFoundException();
        }
        return found;
    }
}
