package io.hearth.compliance.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditCounts;
import io.hearth.audit.AuditCounts.Key;
import io.hearth.audit.AuditCounts.Query;
import io.hearth.audit.AuditOutcome;
import io.hearth.compliance.ComplianceProperties;
import io.hearth.compliance.SecurityAlerts.Rule;
import java.time.Instant;
import java.util.List;

/** Each rule as a count of the audit trail over the window ending now. */
final class AlertRules {

    /** A rule and the count that finds its subjects. */
    record Check(Rule rule, AuditCounts.Query query) {
    }

    private AlertRules() {
    }

    static List<Check> checks(ComplianceProperties.Alerts settings, Instant now) {
        Instant from = now.minus(settings.window());
        return List.of(
                new Check(Rule.RECORD_SNOOPING, new Query(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS, Key.ACTOR, null, true, from, now,
                        settings.distinctPatients(), null)),
                new Check(Rule.REPEATED_DENIALS, new Query(AuditAction.PHI_VIEW, AuditOutcome.DENIED, Key.ACTOR, null, false, from, now,
                        settings.deniedReads(), null)),
                new Check(Rule.SIGN_IN_FAILURES_FROM_ADDRESS, new Query(AuditAction.SIGN_IN_FAILURE, AuditOutcome.FAILURE, Key.CLIENT_ADDRESS,
                        null, false, from, now, settings.failedSignInsPerAddress(), null)),
                // SignInAudit names the account (its id) only when one exists: what was typed is never stored
                new Check(Rule.SIGN_IN_FAILURES_AGAINST_ACCOUNT, new Query(AuditAction.SIGN_IN_FAILURE, AuditOutcome.FAILURE, Key.OBJECT,
                        "account", false, from, now, settings.failedSignInsPerAccount(), null)));
    }
}
