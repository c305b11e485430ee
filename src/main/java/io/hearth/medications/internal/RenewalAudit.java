package io.hearth.medications.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The audit entries renewals write, always with the patient as the subject (their access log shows them). */
@Component
class RenewalAudit {

    static final String MEDICATION = "medication";
    static final String REQUEST = "renewal-request";

    private final AuditLog audit;

    RenewalAudit(AuditLog audit) {
        this.audit = audit;
    }

    void viewed(UUID patient, String objectType, Object objectId) {
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient(patient).object(objectType, objectId));
    }

    /** In the caller's transaction: recorded exactly when the change commits. */
    void changed(RenewalRequest request, String what) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(request.patientId())
                .object(REQUEST, request.id()).because(what));
    }

    /** A change refused for the reason this message key names; recorded at once, whatever happens to the caller's transaction. */
    RenewalRefusedException refused(UUID patient, String objectType, Object objectId, RenewalRefusedException refusal) {
        audit.record(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.FAILURE).patient(patient).object(objectType, objectId)
                .because(refusal.key()));
        return refusal;
    }

    /** Recorded at once, whatever happens to the caller's transaction; the caller answers 404. */
    RenewalNotFoundException denied(AuditAction action, UUID patient, String objectType, Object objectId, String why) {
        audit.record(AuditEvent.of(action, AuditOutcome.DENIED).patient(patient).object(objectType, objectId).because(why));
        return new RenewalNotFoundException();
    }
}
