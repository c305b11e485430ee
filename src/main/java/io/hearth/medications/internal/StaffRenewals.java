package io.hearth.medications.internal;

import io.hearth.audit.AuditAction;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.medications.internal.Views.QueueItem;
import io.hearth.medications.internal.Views.StaffView;
import io.hearth.records.MedicationLists.Medication;
import io.hearth.records.MedicationLists;
import io.hearth.records.PatientIdentities;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinician's side: the queue of pending requests of the patients in their care team (their own prescriptions
 * first), one request, and deciding it. A request of any other patient answers 404, audited.
 */
@Service
public class StaffRenewals {

    private final RenewalRequests requests;
    private final RenewalAccess access;
    private final MedicationLists medications;
    private final PatientIdentities patients;
    private final RenewalViews views;
    private final RenewalAudit audit;
    private final RenewalNotices notices;
    private final FieldCipher cipher;
    private final MedicationsProperties settings;
    private final Clock clock;

    StaffRenewals(RenewalRequests requests, RenewalAccess access, MedicationLists medications, PatientIdentities patients, RenewalViews views,
            RenewalAudit audit, RenewalNotices notices, FieldCipher cipher, MedicationsProperties settings, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.medications = medications;
        this.patients = patients;
        this.views = views;
        this.audit = audit;
        this.notices = notices;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Pending requests of the clinician's patients: those they prescribed first, then oldest first; audited per patient. */
    @Transactional(readOnly = true)
    public List<QueueItem> queue(Caller staff) {
        List<UUID> inCare = access.patientsOf(staff);
        if (inCare.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, Map<UUID, Medication>> listsByPatient = new HashMap<>(); // one read of each patient's list, not one per request
        List<QueueItem> queue = requests.findTop200ByStatusAndPatientIdInOrderByRequestedAtAsc(RenewalStatus.PENDING, inCare).stream()
                .map(request -> {
                    Medication medication = listsByPatient.computeIfAbsent(request.patientId(), patient -> medications.of(patient).stream()
                            .collect(java.util.stream.Collectors.toMap(Medication::id, m -> m))).get(request.medicationId());
                    if (medication == null) { // older than the list reads: ask for it alone
                        medication = medications.find(request.patientId(), request.medicationId()).orElse(null);
                    }
                    return new QueueItem(request.id(), request.patientId(), names.computeIfAbsent(request.patientId(), this::patientName),
                            medication == null ? null : medication.title(), medication == null ? null : medication.prescriberName(),
                            Objects.equals(request.prescriberId(), staff.practitionerId()), request.requestedAt());
                })
                .sorted(Comparator.comparing((QueueItem item) -> !item.mine()).thenComparing(QueueItem::requestedAt)).toList();
        queue.stream().map(QueueItem::patientId).distinct().forEach(patient -> audit.viewed(patient, "renewal-queue", staff.practitionerId()));
        return queue;
    }

    /** One request with its patient and medication; 404 (audited) outside the clinician's care team. */
    @Transactional(readOnly = true)
    public StaffView open(Caller staff, UUID requestId) {
        RenewalRequest request = decidable(staff, requestId, AuditAction.PHI_VIEW);
        StaffView view = new StaffView(views.view(request), request.patientId(), patientName(request.patientId()),
                medications.find(request.patientId(), request.medicationId()).orElse(null));
        audit.viewed(request.patientId(), RenewalAudit.REQUEST, request.id());
        return view;
    }

    /**
     * Approves the request, with the quantity and refills typed (blank: unchanged); the patient is told.
     *
     * @throws RenewalRefusedException (400) for a quantity or refills that is not a whole number in range, (409) when
     *     it was decided before, or its medication is no longer active in the record
     */
    @Transactional
    public void approve(Caller staff, UUID requestId, String quantity, String refills) {
        requests.lockById(requestId); // two clinicians deciding at once: the second waits, then finds it decided (409, audited)
        RenewalRequest request = decidable(staff, requestId, AuditAction.PHI_CHANGE);
        try {
            // the record may have changed since the patient asked: a medication stopped meanwhile is not renewed
            if (medications.find(request.patientId(), request.medicationId()).filter(Medication::active).isEmpty()) {
                throw RenewalRefusedException.conflict("renewals.refused.stoppedSince");
            }
            request.approve(staff.username(), RenewalChanges.parse(quantity, refills, settings), clock, cipher);
        } catch (RenewalRefusedException refusal) {
            throw audit.refused(request.patientId(), RenewalAudit.REQUEST, requestId, refusal);
        }
        audit.changed(request, "approved");
        notices.decided(request);
    }

    /**
     * Denies the request with the reason typed (the patient reads it); the patient is told.
     *
     * @throws RenewalRefusedException (400) without a reason or with one too long, (409) when it was decided before
     */
    @Transactional
    public void deny(Caller staff, UUID requestId, String reason) {
        requests.lockById(requestId); // as in approve
        RenewalRequest request = decidable(staff, requestId, AuditAction.PHI_CHANGE);
        try {
            request.deny(staff.username(), PlainText.clean(reason, settings.maxReasonLength(), true, "renewals.error.reason"), clock, cipher);
        } catch (RenewalRefusedException refusal) {
            throw audit.refused(request.patientId(), RenewalAudit.REQUEST, requestId, refusal);
        }
        audit.changed(request, "denied");
        notices.decided(request);
    }

    private RenewalRequest decidable(Caller staff, UUID requestId, AuditAction action) {
        RenewalRequest request = requests.findById(requestId).orElse(null);
        if (request == null || !access.mayDecide(staff, request.patientId())) {
            throw audit.denied(action, request == null ? null : request.patientId(), RenewalAudit.REQUEST, requestId,
                    "not a patient of the signed-in clinician's care team");
        }
        return request;
    }

    private String patientName(UUID patientId) {
        return patients.of(patientId).map(PatientIdentities.PatientIdentity::name).orElse(null);
    }
}
