package io.hearth.medications.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and decide whose renewals: a patient their own; a PROVIDER or NURSE linked to a practitioner those of
 * the patients in that practitioner's care team ({@link CareTeams}); nobody else.
 */
@Component
public class RenewalAccess {

    private final Accounts accounts;
    private final CareTeams careTeams;

    RenewalAccess(Accounts accounts, CareTeams careTeams) {
        this.accounts = accounts;
        this.careTeams = careTeams;
    }

    public Viewer viewer(Authentication who) {
        if (Role.PATIENT.isHeldBy(who)) {
            return new Viewer(who.getName(), accounts.patientOf(who.getName()).orElse(null), null, false);
        }
        boolean clinical = Role.PROVIDER.isHeldBy(who) || Role.NURSE.isHeldBy(who);
        return new Viewer(who.getName(), null, clinical ? accounts.practitionerOf(who.getName()).orElse(null) : null, clinical);
    }

    boolean mayDecide(Viewer staff, UUID patientId) {
        return !staff.isPatient() && staff.clinical() && staff.practitionerId() != null && careTeams.isInCareTeam(staff.practitionerId(), patientId);
    }

    /** The patients whose requests the clinician sees; none for anyone else. */
    List<UUID> patientsOf(Viewer staff) {
        return staff.isPatient() || !staff.clinical() || staff.practitionerId() == null ? List.of() : careTeams.patientsOf(staff.practitionerId());
    }
}
