package io.hearth.medications.internal;

import io.hearth.audit.AuditAction;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.medications.internal.Views.MedicationDetail;
import io.hearth.medications.internal.Views.MedicationRow;
import io.hearth.medications.internal.Views.RequestView;
import io.hearth.medications.internal.Views.Requested;
import io.hearth.records.MedicationLists.Medication;
import io.hearth.records.MedicationLists;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient's side: their medications with the state of each renewal, and asking for one. Only the patient's own
 * medications are found (another id answers 404, audited); every read and change is audited.
 */
@Service
public class PatientRenewals {

    private final RenewalRequests requests;
    private final MedicationLists medications;
    private final OnlineRenewalPolicy policy;
    private final RenewalViews views;
    private final RenewalAudit audit;
    private final FieldCipher cipher;
    private final MedicationsProperties settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PatientRenewals(RenewalRequests requests, MedicationLists medications, OnlineRenewalPolicy policy, RenewalViews views, RenewalAudit audit,
            FieldCipher cipher, MedicationsProperties settings, PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.medications = medications;
        this.policy = policy;
        this.views = views;
        this.audit = audit;
        this.cipher = cipher;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The patient's medications, active first, each with its newest request; audited as one view of the list. */
    @Transactional(readOnly = true)
    public List<MedicationRow> medications(Caller patient) {
        if (!patient.isPatient()) {
            return List.of();
        }
        Map<UUID, List<RequestView>> byMedication = requests.findByPatientIdOrderByRequestedAtDesc(patient.patientId()).stream()
                .map(views::view).collect(Collectors.groupingBy(RequestView::medicationId));
        List<MedicationRow> rows = medications.of(patient.patientId()).stream()
                .map(medication -> views.row(medication, byMedication.getOrDefault(medication.id(), List.of()))).toList();
        audit.viewed(patient.patientId(), "medication-list", patient.patientId());
        return rows;
    }

    /** One of the patient's medications with all its requests; 404 (audited) for any other id. */
    @Transactional(readOnly = true)
    public MedicationDetail medication(Caller patient, UUID medicationId) {
        Medication medication = own(patient, medicationId, AuditAction.PHI_VIEW);
        List<RequestView> list = requests.findByPatientIdOrderByRequestedAtDesc(patient.patientId()).stream()
                .filter(request -> request.medicationId().equals(medicationId)).map(views::view).toList();
        audit.viewed(patient.patientId(), RenewalAudit.MEDICATION, medicationId);
        return new MedicationDetail(views.row(medication, list), list);
    }

    /**
     * The patient asks to renew one of their medications. When a request for it is pending already (a second submit,
     * a double click, a race lost at the database's unique index), nothing new is made and that request is returned.
     *
     * @throws RenewalRefusedException (400) for a missing or too long pharmacy or note, (409) for a medication that
     *     cannot be renewed online
     */
    public Requested request(Caller patient, UUID medicationId, String pharmacy, String note) {
        Medication medication = own(patient, medicationId, AuditAction.PHI_CHANGE);
        var pending = requests.findByMedicationIdAndStatus(medicationId, RenewalStatus.PENDING);
        if (pending.isPresent()) {
            return new Requested(pending.get().id(), true);
        }
        try {
            String cleanPharmacy = PlainText.clean(pharmacy, settings.maxPharmacyLength(), false, "renewals.error.pharmacy");
            String cleanNote = PlainText.clean(note, settings.maxNoteLength(), true, "renewals.error.note");
            return transaction.execute(status -> {
                RenewalRequest request = requests.saveAndFlush(
                        RenewalRequest.ask(medication, policy, cleanPharmacy, cleanNote, patient.username(), clock, cipher));
                audit.changed(request, "requested");
                return new Requested(request.id(), false);
            });
        } catch (RenewalRefusedException refusal) {
            throw audit.refused(patient.patientId(), RenewalAudit.MEDICATION, medicationId, refusal);
        } catch (DataIntegrityViolationException raced) {
            return requests.findByMedicationIdAndStatus(medicationId, RenewalStatus.PENDING).map(request -> new Requested(request.id(), true))
                    .orElseThrow(() -> raced);
        }
    }

    /**
     * The patient takes back their waiting request for this medication.
     *
     * @throws RenewalRefusedException (409) when none is waiting (decided meanwhile, or never asked)
     */
    @Transactional
    public void withdraw(Caller patient, UUID medicationId) {
        own(patient, medicationId, AuditAction.PHI_CHANGE);
        RenewalRequest request = requests.findByMedicationIdAndStatus(medicationId, RenewalStatus.PENDING)
                .orElseThrow(() -> audit.refused(patient.patientId(), RenewalAudit.MEDICATION, medicationId,
                        RenewalRefusedException.conflict("renewals.error.nothingPending")));
        request.withdraw(patient.username(), clock);
        audit.changed(request, "withdrawn");
    }

    private Medication own(Caller patient, UUID medicationId, AuditAction action) {
        return (patient.isPatient() ? medications.find(patient.patientId(), medicationId) : java.util.Optional.<Medication>empty())
                .orElseThrow(() -> audit.denied(action, patient.patientId(), RenewalAudit.MEDICATION, medicationId,
                        "not in the signed-in patient's record"));
    }
}
