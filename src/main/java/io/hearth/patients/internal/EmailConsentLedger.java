package io.hearth.patients.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.EmailPreferences;
import io.hearth.patients.EmailConsent;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email consent ledger, and the answer the notice outbox asks for. A patient who has not chosen gets no notices
 * that need consent. Staff do not choose: notices about their work (a patient's message in their pool) are part of
 * the job, so an account without the patient role counts as agreed unless it recorded otherwise.
 */
@Service
class EmailConsentLedger implements EmailConsent, EmailPreferences {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    EmailConsentLedger(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agreedToEmail(UUID account) {
        return current(account).map(Decision::agreed).orElseGet(() -> {
            Set<Role> roles = accounts.rolesOf(account);
            return !roles.isEmpty() && !roles.contains(Role.PATIENT);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Decision> current(UUID account) {
        return history(account, 1).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Decision> history(UUID account) {
        return history(account, 1000);
    }

    private List<Decision> history(UUID account, int limit) {
        return jdbc.sql("""
                SELECT agreed, text_version, decided_at, decided_by FROM email_consent WHERE account_id = ?
                ORDER BY seq DESC LIMIT ?""").params(account, limit)
                .query((row, n) -> new Decision(row.getBoolean(1), row.getString(2),
                        row.getObject(3, java.time.OffsetDateTime.class).toInstant(), row.getString(4))).list();
    }

    @Override
    @Transactional
    public void record(UUID account, boolean agreed, String textVersion, Actor by) {
        if (textVersion == null || textVersion.isBlank() || textVersion.length() > 40) {
            throw new IllegalArgumentException("A consent names the version of the text shown (at most 40 characters)");
        }
        jdbc.sql("INSERT INTO email_consent (account_id, agreed, text_version, decided_at, decided_by) VALUES (?, ?, ?, ?, ?)")
                .params(account, agreed, textVersion, clock.instant().atOffset(ZoneOffset.UTC), by.id()).update();
        audit.recordAfterCommit(AuditEvent.of(AuditAction.CONSENT_RECORDED, AuditOutcome.SUCCESS).by(by).object("account", account)
                .because((agreed ? "email notices: agreed" : "email notices: declined") + " (text " + textVersion + ")"));
    }
}
