package io.hearth.compliance.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditCounts;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.compliance.ComplianceProperties;
import io.hearth.compliance.SecurityAlerts.Rule;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the audit trail every check interval and raises the alerts the rules call for. The counts are read first;
 * the alerts, their audit entries and the officers' notices are written in one transaction, so a run either raises
 * and announces all its alerts or none. Two nodes racing to raise the same alert: the database admits one open alert
 * per rule and subject, the loser's run rolls back and its next run finds the winner's alert open.
 */
@Component
class SuspiciousActivityDetector {

    private static final Logger log = LoggerFactory.getLogger(SuspiciousActivityDetector.class);
    private static final Actor SYSTEM = Actor.system("security-alerts");

    /** What one run does for one subject a rule found. */
    private record Finding(Rule rule, AuditCounts.Count count, Optional<UUID> openAlert) {
    }

    private final AuditCounts counts;
    private final AlertStore store;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ComplianceProperties.Alerts settings;
    private final HearthProperties hearth;
    private final Clock clock;

    SuspiciousActivityDetector(AuditCounts counts, AlertStore store, Accounts accounts, AuditLog audit, TransactionTemplate transaction,
            ComplianceProperties settings, HearthProperties hearth, Clock clock) {
        this.counts = counts;
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = transaction;
        this.settings = settings.alerts();
        this.hearth = hearth;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.compliance.alerts.check-interval:60s}",
            initialDelayString = "${hearth.compliance.alerts.check-interval:60s}")
    void scheduled() {
        detect();
    }

    /** Returns how many alerts were raised. One run at a time on a node, so a scheduled run and a test's never race. */
    synchronized int detect() {
        Instant now = clock.instant();
        List<Finding> findings = new ArrayList<>();
        for (AlertRules.Check check : AlertRules.checks(settings, now)) {
            for (AuditCounts.Count count : counts.count(check.query())) {
                Optional<AlertDeduplication.Previous> previous = store.latest(check.rule(), count.key());
                switch (AlertDeduplication.next(previous, check.query().from())) {
                    case RAISE -> findings.add(new Finding(check.rule(), count, Optional.empty()));
                    case EXTEND -> findings.add(new Finding(check.rule(), count, previous.map(AlertDeduplication.Previous::id)));
                    case RECOUNT -> counts.count(check.query().onlyFor(count.key(), previous.get().coveredUntil())).stream().findFirst()
                            .ifPresent(fresh -> findings.add(new Finding(check.rule(), fresh, Optional.empty())));
                }
            }
        }
        if (findings.isEmpty()) {
            return 0;
        }
        try {
            Integer raised = transaction.execute(status -> record(findings, now));
            return raised == null ? 0 : raised;
        } catch (DataIntegrityViolationException raced) {
            log.info("Another node raised one of this run's alerts at the same moment; the next run takes it up");
            return 0;
        }
    }

    private int record(List<Finding> findings, Instant now) {
        int raised = 0;
        for (Finding finding : findings) {
            if (finding.openAlert().isPresent()) {
                store.extend(finding.openAlert().get(), finding.count(), now);
                continue;
            }
            UUID id = UUID.randomUUID();
            store.raise(id, finding.rule(), finding.count(), nameOf(finding), settings.window(), now, now);
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(SYSTEM).object("security-alert", id)
                    .because("alert raised: " + finding.rule() + ", " + finding.count().count() + " within " + settings.window().toMinutes()
                            + " minutes"));
            log.info("Security alert raised: {}", finding.rule());
            raised++;
        }
        if (raised > 0) {
            accounts.staff().stream().filter(member -> member.roles().contains(Role.SECURITY_OFFICER)).forEach(officer ->
                    accounts.queueNotice(officer.username(), NoticeType.SECURITY_ALERT, hearth.baseUrl() + "/security/alerts"));
        }
        return raised;
    }

    /** An account is counted by its id; the officer sees its username. */
    private String nameOf(Finding finding) {
        if (finding.rule() != Rule.SIGN_IN_FAILURES_AGAINST_ACCOUNT) {
            return finding.count().key();
        }
        try {
            return accounts.usernameOf(UUID.fromString(finding.count().key())).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
