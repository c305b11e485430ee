package io.hearth.audit.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.CiphertextRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A ciphertext that fails to decrypt is a security alarm: it goes to the trail with who was reading it and where. */
@Component
class DecryptionFailureAudit {

    private final AuditLog audit;

    DecryptionFailureAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void rejected(CiphertextRejected event) {
        audit.record(AuditEvent.of(AuditAction.DECRYPTION_FAILURE, AuditOutcome.FAILURE).object("ciphertext", null)
                .because(event.location()));
    }
}
