package io.hearth.records.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.identity.Role;
import io.hearth.records.AccessDecision;
import io.hearth.records.CareTeams;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess;
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
 * Opens health records, as the access policy ({@link PatientAccess}) allows: a patient their own; a PROVIDER or NURSE
 * of the patient's care team, or holding a break-glass grant for them, the record but its claims; front desk staff
 * the demographics of any patient, billing staff also the claims ({@link #office}); nobody else (administrators and
 * security officers without a clinical role). A refusal is a 404 with the attempt audited; what is read is audited
 * by the {@link Chart} with the patient as the subject.
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

    private final RecordReader reader;
    private final Callers callers;
    private final PatientAccess access;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final AuditLog audit;
    private final RecordsProperties settings;
    private final Clock clock;

    RecordAccess(RecordReader reader, Accounts accounts, CareTeams careTeams, AuditLog audit, RecordsProperties settings, Clock clock,
            Callers callers, PatientAccess access) {
        this.callers = callers;
        this.access = access;
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
     * A patient's record opened by a clinician of their care team, or under break-glass (results shown before their
     * release to the patient, so the clinician can call first), with the kinds the access policy allows them.
     *
     * @throws NotInRecordException for anyone else, or a patient id that is not one; the attempt is audited
     */
    public Chart ofPatient(Authentication who, UUID patient) {
        Caller caller = callers.of(who);
        AccessDecision decision = caller.isClinician() ? access.decide(caller, patient, DataKind.CLINICAL_RECORD)
                : AccessDecision.refused(NO_CLINICAL_ROLE);
        if (!decision.isAllowed()) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(patient).object("health-record", patient)
                    .because(decision.refusal()));
            throw new NotInRecordException();
        }
        return new Chart(reader, audit, clock, patient, category -> Duration.ZERO, true, kindsFor(caller, patient));
    }

    /**
     * A patient's record as front desk and billing staff need it, for any patient of the practice (they schedule and
     * bill for everyone): the kinds the access policy gives their roles (front desk demographics; billing
     * demographics, claims and explanations of benefit). Clinicians read through {@link #ofPatient} (their care
     * team), so one of them without an office role gets that.
     *
     * @throws NotInRecordException for anyone else, or a patient id that is not one; the attempt is audited
     */
    public Chart office(Authentication who, UUID patient) {
        if (!officeStaff(who)) {
            return ofPatient(who, patient);
        }
        java.util.Set<RecordKind> kinds = kindsFor(callers.of(who), patient);
        if (kinds.isEmpty() || reader.find(patient, RecordKind.PATIENT, patient).isEmpty()) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).object("health-record", patient).because("no such patient"));
            throw new NotInRecordException();
        }
        return new Chart(reader, audit, clock, patient, category -> Duration.ZERO, true, kinds);
    }

    /** The kinds of record the policy lets this caller read of this patient. */
    private java.util.Set<RecordKind> kindsFor(Caller caller, UUID patient) {
        java.util.Set<RecordKind> kinds = java.util.EnumSet.noneOf(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            if (access.decide(caller, patient, kind.dataKind()).isAllowed()) {
                kinds.add(kind);
            }
        }
        return kinds;
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
