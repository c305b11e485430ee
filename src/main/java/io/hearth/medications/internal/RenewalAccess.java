package io.hearth.medications.internal;

import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and decide whose renewals, as the access policy ({@link PatientAccess}) decides for medications: a
 * patient their own; a PROVIDER or NURSE those of the patients in their care team or under a break-glass grant of
 * theirs; nobody else.
 */
@Component
public class RenewalAccess {

    private final Callers callers;
    private final PatientAccess access;

    RenewalAccess(Callers callers, PatientAccess access) {
        this.callers = callers;
        this.access = access;
    }

    public Caller viewer(Authentication who) {
        return callers.of(who);
    }

    boolean mayDecide(Caller staff, UUID patientId) {
        return !staff.isPatient() && access.decide(staff, patientId, DataKind.MEDICATIONS).isAllowed();
    }

    /** The patients whose requests the clinician sees; none for anyone else. */
    List<UUID> patientsOf(Caller staff) {
        return staff.isPatient() ? List.of() : List.copyOf(access.reach(staff, DataKind.MEDICATIONS).patients());
    }
}
