package io.hearth.appointments.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.records.AccessDecision;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which appointment, as the access policy ({@link PatientAccess}) decides: a patient their
 * own; front desk staff any; a provider or nurse those with their own practitioner, of a patient in their care team,
 * or of a patient they hold a break-glass grant for. Anything else is not there for them (404), and the attempt is
 * audited.
 */
@Component
public class AppointmentAccess {

    private final Callers callers;
    private final PatientAccess access;
    private final AuditLog audit;

    AppointmentAccess(Callers callers, PatientAccess access, AuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.audit = audit;
    }

    public Caller person(Authentication who) {
        return callers.of(who);
    }

    /** Whether this staff member may see who the patient of this appointment is and open it. */
    boolean staffMaySee(Caller staff, UUID patient, UUID practitioner) {
        return !staff.isPatient() && access.decide(staff, patient, DataKind.APPOINTMENTS, practitioner).isAllowed();
    }

    /** Whether a patient may book this practitioner for visits only their care team gives. */
    boolean inCareTeam(UUID practitioner, UUID patient) {
        return access.caresFor(practitioner, patient);
    }

    Appointment require(Caller person, Appointment found, UUID asked) {
        AccessDecision decision = found == null ? AccessDecision.refused("no such appointment")
                : access.decide(person, found.patientId, DataKind.APPOINTMENTS, found.practitionerId);
        if (!decision.isAllowed()) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).by(person.actor())
                    .patient(found == null || person.isPatient() ? person.patientId() : found.patientId).object("appointment", asked)
                    .because(person.isPatient() && found != null ? "another patient's appointment" : decision.refusal()));
            throw new AppointmentNotFoundException();
        }
        return found;
    }
}
