package io.hearth.records.internal;

import static io.hearth.records.DataKind.APPOINTMENTS;
import static io.hearth.records.DataKind.BILLING;
import static io.hearth.records.DataKind.BILLING_MESSAGES;
import static io.hearth.records.DataKind.CARE_TEAM_MESSAGES;
import static io.hearth.records.DataKind.CLINICAL_RECORD;
import static io.hearth.records.DataKind.DEMOGRAPHICS;
import static io.hearth.records.DataKind.FRONT_DESK_MESSAGES;
import static io.hearth.records.DataKind.MEDICATIONS;
import static io.hearth.records.DataKind.NOTES;
import static io.hearth.records.DataKind.RESULTS;

import io.hearth.compliance.EmergencyAccess;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.records.AccessDecision.Basis;
import io.hearth.records.AccessDecision;
import io.hearth.records.CareTeams;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The patient-access rules as one table. A patient reads every kind of their own data. Staff:
 *
 * <pre>
 * role              | whole practice                                  | own patients (care team)              | break-glass
 * ------------------+-------------------------------------------------+---------------------------------------+--------------------------
 * PROVIDER, NURSE   | -                                               | demographics, clinical record,        | the same kinds, for the
 *                   |                                                 | results, notes, medications,          | patient of the grant,
 *                   |                                                 | appointments (also any appointment    | until it ends
 *                   |                                                 | with them), care-team messages        |
 * FRONT_DESK        | demographics, appointments, Front desk messages | -                                     | -
 * BILLING           | demographics, billing, Billing messages         | -                                     | -
 * ADMIN             | -                                               | -                                     | -
 * SECURITY_OFFICER  | -                                               | -                                     | -
 * </pre>
 *
 * A person with several roles has the union (a patient who also works at the practice reads their own record as a
 * patient and others' as staff). Break-glass opens for its patient, for its duration, exactly what the
 * patient's care team sees, in every module (claims stay billing's: minimum necessary); only clinicians can hold a
 * grant ({@link EmergencyAccess}), so a security officer reads clinical data only by also being one. The care team
 * comes from {@link CareTeams}; this is the only caller of {@code isInCareTeam}.
 */
@Component
class PatientAccessPolicy implements PatientAccess {

    /** What each staff role reads for every patient of the practice. */
    static final Map<Role, Set<DataKind>> WHOLE_PRACTICE = new EnumMap<>(Map.of(
            Role.FRONT_DESK, EnumSet.of(DEMOGRAPHICS, APPOINTMENTS, FRONT_DESK_MESSAGES),
            Role.BILLING, EnumSet.of(DEMOGRAPHICS, BILLING, BILLING_MESSAGES)));

    /** What a clinician reads of the patients in their care team, and under a break-glass grant. */
    static final Set<DataKind> CARE_TEAM = EnumSet.of(DEMOGRAPHICS, CLINICAL_RECORD, RESULTS, NOTES, MEDICATIONS, APPOINTMENTS, CARE_TEAM_MESSAGES);

    /** What a clinician reads of any patient when the item names their own practitioner. */
    static final Set<DataKind> NAMED_PRACTITIONER = EnumSet.of(APPOINTMENTS);

    private final CareTeams careTeams;
    private final EmergencyAccess emergencyAccess;

    PatientAccessPolicy(CareTeams careTeams, EmergencyAccess emergencyAccess) {
        this.careTeams = careTeams;
        this.emergencyAccess = emergencyAccess;
    }

    @Override
    public AccessDecision decide(Caller caller, UUID patient, DataKind kind) {
        return decide(caller, patient, kind, null);
    }

    @Override
    public AccessDecision decide(Caller caller, UUID patient, DataKind kind, UUID namedPractitioner) {
        return switch (caller.kind()) {
            case ANONYMOUS -> AccessDecision.refused("not signed in");
            case SYSTEM -> AccessDecision.refused("not for the system itself");
            case PERSON -> person(caller, patient, kind, namedPractitioner);
        };
    }

    private AccessDecision person(Caller caller, UUID patient, DataKind kind, UUID namedPractitioner) {
        if (caller.isPatient() && caller.patientId().equals(patient)) {
            return AccessDecision.allowed(Basis.OWN_RECORD);
        }
        if (caller.isPatient() && !caller.isClinician() && wholePractice(caller).isEmpty()) {
            return AccessDecision.refused("another patient's record");
        }
        if (wholePractice(caller).contains(kind)) {
            return AccessDecision.allowed(Basis.WHOLE_PRACTICE);
        }
        if (!caller.isClinician() || !CARE_TEAM.contains(kind)) {
            return AccessDecision.refused(caller.isClinician() ? "not for clinical staff" : "not for this role");
        }
        UUID practitioner = caller.practitionerId();
        if (practitioner != null && careTeams.isInCareTeam(practitioner, patient)) {
            return AccessDecision.allowed(Basis.CARE_TEAM);
        }
        if (practitioner != null && practitioner.equals(namedPractitioner) && NAMED_PRACTITIONER.contains(kind)) {
            return AccessDecision.allowed(Basis.NAMED_PRACTITIONER);
        }
        if (emergencyAccess.active(caller.username(), patient)) {
            return AccessDecision.allowed(Basis.BREAK_GLASS); // granted, audited and under review (io.hearth.compliance)
        }
        return AccessDecision.refused(practitioner == null ? "not linked to a practitioner" : "not in the care team");
    }

    @Override
    public Reach reach(Caller caller, DataKind kind) {
        if (caller.kind() != Caller.Kind.PERSON) {
            return Reach.none();
        }
        if (wholePractice(caller).contains(kind)) {
            return new Reach(true, Set.of(), null);
        }
        Set<UUID> patients = new HashSet<>();
        if (caller.isPatient()) {
            patients.add(caller.patientId());
        }
        if (!caller.isClinician() || !CARE_TEAM.contains(kind)) {
            return new Reach(false, patients, null);
        }
        patients.addAll(emergencyAccess.activeFor(caller.username()));
        UUID practitioner = caller.practitionerId();
        if (practitioner != null) {
            patients.addAll(careTeams.patientsOf(practitioner));
        }
        return new Reach(false, patients, practitioner != null && NAMED_PRACTITIONER.contains(kind) ? practitioner : null);
    }

    @Override
    public boolean caresFor(UUID practitioner, UUID patient) {
        return practitioner != null && patient != null && careTeams.isInCareTeam(practitioner, patient);
    }

    private static Set<DataKind> wholePractice(Caller caller) {
        Set<DataKind> kinds = EnumSet.noneOf(DataKind.class);
        WHOLE_PRACTICE.forEach((role, granted) -> {
            if (caller.holds(role)) {
                kinds.addAll(granted);
            }
        });
        return kinds;
    }
}
