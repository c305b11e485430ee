package io.hearth.compliance.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.compliance.AlertRefusedException;
import io.hearth.compliance.SecurityAlerts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The security officer's view of the alerts, and their verdicts (audited). */
@Service
class AlertLedger implements SecurityAlerts {

    static final int MAX_NOTE = 500;

    private final SuspiciousActivityDetector detector;
    private final AlertStore store;
    private final AuditLog audit;
    private final Clock clock;

    AlertLedger(SuspiciousActivityDetector detector, AlertStore store, AuditLog audit, Clock clock) {
        this.detector = detector;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int detect() {
        return detector.detect();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Alert> open() {
        return store.open();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Alert> closed(int limit) {
        return store.closed(limit);
    }

    @Override
    @Transactional
    public void close(UUID alert, Status verdict, String note, Actor by) {
        if (verdict == null || verdict == Status.OPEN) {
            throw new AlertRefusedException("compliance.refused.alertVerdict");
        }
        String why = note == null ? "" : note.strip();
        if (why.isEmpty()) {
            throw new AlertRefusedException("compliance.refused.alertNote");
        }
        if (why.length() > MAX_NOTE || why.codePoints().anyMatch(Character::isISOControl)) {
            throw new AlertRefusedException("compliance.refused.alertNoteLength", MAX_NOTE);
        }
        if (!store.close(alert, verdict, why, by.id(), clock.instant())) {
            throw new AlertRefusedException("compliance.refused.alertClosed");
        }
        String verdictText = verdict == Status.HARMLESS ? "closed as harmless" : "escalated to an incident";
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("security-alert", alert)
                .because("alert " + verdictText + ": " + why));
    }
}
