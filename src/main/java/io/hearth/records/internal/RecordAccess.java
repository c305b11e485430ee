package io.hearth.records.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.compliance.EmergencyAccess;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import io.hearth.records.RecordKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read whose health record, decided here, where the records are read (the URL rules only keep patients off
 * staff pages): a patient reads their own record; a PROVIDER or NURSE linked to a Practitioner reads the record of a
 * patient in that practitioner's care team ({@link CareTeams}), or of any patient for whom they hold an emergency
 * (break-glass) grant ({@link EmergencyAccess}), all but its claims; front desk staff read the demographics of any
 * patient, billing staff also the claims ({@link #office}); nobody else reads any (administrators and security
 * officers without a clinical role). A refusal is a 404 with the attempt audited; what is
 * read is audited by the {@link Chart} with the patient as the subject.
 */
@Component
public class RecordAccess {

    /** One of a clinician's patients, for their list; PHI, so its {@code toString} says nothing. */
    public record PatientListing(UUID id, String name, String birthDate) {

        @Override
        public String toString() {
            return "PatientListing[" + id + "]";
        }
    }

    private static final String NO_CLINICAL_ROLE = "no clinical role";

    /** What clinicians read: the whole record but its claims, which are billing's (minimum necessary). */
    private static final java.util.Set<RecordKind> CLINICAL = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(RecordKind.CLAIM, RecordKind.EXPLANATION_OF_BENEFIT));

    private final RecordReader reader;
    private final EmergencyAccess emergencyAccess;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final AuditLog audit;
    private final RecordsProperties settings;
    private final Clock clock;

    RecordAccess(RecordReader reader, Accounts accounts, CareTeams careTeams, AuditLog audit, RecordsProperties settings, Clock clock,
            EmergencyAccess emergencyAccess) {
        this.emergencyAccess = emergencyAccess;
        this.reader = reader;
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The signed-in patient's own record, results shown once released; a chart without a patient if none is linked. */
    public Chart own(Authentication who) {
        UUID patient = Role.PATIENT.isHeldBy(who) ? accounts.patientOf(who.getName()).orElse(null) : null;
        return new Chart(reader, audit, clock, patient, settings::holdFor, false);
    }

    /**
     * A patient's record opened by a clinician of their care team (results shown before their release to the
     * patient, so the clinician can call first).
     *
     * @throws NotInRecordException for anyone else, or a patient id that is not one; the attempt is audited
     */
    public Chart ofPatient(Authentication who, UUID patient) {
        String refusal = clinicalRefusal(who);
        UUID practitioner = refusal == null ? accounts.practitionerOf(who.getName()).orElse(null) : null;
        if (refusal == null && practitioner == null) {
            refusal = "not linked to a practitioner";
        }
        if (refusal == null && !careTeams.isInCareTeam(practitioner, patient)) {
            refusal = "not in the care team";
        }
        if (refusal != null && !refusal.equals(NO_CLINICAL_ROLE) && emergencyAccess.active(who.getName(), patient)) {
            refusal = null; // break-glass: granted, audited and under review (io.hearth.compliance)
        }
        if (refusal != null) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(patient).object("health-record", patient)
                    .because(refusal));
            throw new NotInRecordException();
        }
        return new Chart(reader, audit, clock, patient, category -> Duration.ZERO, true, CLINICAL);
    }

    /**
     * A patient's record as front desk and billing staff need it, for any patient of the practice (they schedule and
     * bill for everyone): front desk reads demographics only, billing demographics, claims and explanations of benefit.
     * Clinicians read through {@link #ofPatient} (their care team), so one of them without an office role gets that.
     *
     * @throws NotInRecordException for anyone else, or a patient id that is not one; the attempt is audited
     */
    public Chart office(Authentication who, UUID patient) {
        java.util.EnumSet<RecordKind> kinds = java.util.EnumSet.noneOf(RecordKind.class);
        if (Role.FRONT_DESK.isHeldBy(who) || Role.BILLING.isHeldBy(who)) {
            kinds.add(RecordKind.PATIENT);
        }
        if (Role.BILLING.isHeldBy(who)) {
            kinds.add(RecordKind.CLAIM);
            kinds.add(RecordKind.EXPLANATION_OF_BENEFIT);
        }
        if (kinds.isEmpty()) {
            return ofPatient(who, patient);
        }
        if (reader.find(patient, RecordKind.PATIENT, patient).isEmpty()) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).object("health-record", patient).because("no such patient"));
            throw new NotInRecordException();
        }
        return new Chart(reader, audit, clock, patient, category -> Duration.ZERO, true, kinds);
    }

    /** Whether this person reads patients' records as office staff (front desk, billing) rather than as a clinician. */
    public static boolean officeStaff(Authentication who) {
        return clinicalRefusal(who) != null && (Role.FRONT_DESK.isHeldBy(who) || Role.BILLING.isHeldBy(who));
    }

    /**
     * The patients in the signed-in clinician's care team, by name; empty when their account is not linked to a
     * practitioner. The list view is audited once (naming how many patients it showed).
     *
     * @throws NotInRecordException for staff without a clinical role; the attempt is audited
     */
    public List<PatientListing> careTeamPatients(Authentication who) {
        String refusal = clinicalRefusal(who);
        if (refusal != null) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).object("care-team-patients", who.getName()).because(refusal));
            throw new NotInRecordException();
        }
        Optional<UUID> practitioner = accounts.practitionerOf(who.getName());
        List<PatientListing> patients = practitioner.map(careTeams::patientsOf).map(reader::patients).orElse(List.of()).stream()
                .map(patient -> new PatientListing(patient.id(), patient.details().title(), patient.details().extra().get("birthDate")))
                .sorted(Comparator.comparing((PatientListing patient) -> Objects.toString(patient.name(), "")).thenComparing(PatientListing::id))
                .toList();
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).object("care-team-patients", practitioner.orElse(null))
                .because("listed " + patients.size() + " patients"));
        return patients;
    }

    /** Why this person may not read clinical records; null when they hold a clinical role. */
    private static String clinicalRefusal(Authentication who) {
        return Role.PROVIDER.isHeldBy(who) || Role.NURSE.isHeldBy(who) ? null : NO_CLINICAL_ROLE;
    }
}
