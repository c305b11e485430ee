package io.hearth.compliance.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.compliance.ComplianceProperties;
import io.hearth.compliance.EmergencyAccess;
import io.hearth.compliance.EmergencyAccessRefusedException;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Emergency access grants in the {@code break_glass} table; every grant and review is audited. */
@Service
class EmergencyAccessLedger implements EmergencyAccess {

    static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final SecondFactors secondFactors;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ComplianceProperties settings;
    private final HearthProperties hearth;
    private final Clock clock;

    EmergencyAccessLedger(JdbcClient jdbc, SecondFactors secondFactors, Accounts accounts, AuditLog audit, ComplianceProperties settings,
            HearthProperties hearth, Clock clock) {
        this.jdbc = jdbc;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.hearth = hearth;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Instant open(Authentication clinician, UUID patient, String reason, String details, String secondFactorCode) {
        boolean clinical = Role.PROVIDER.isHeldBy(clinician) || Role.NURSE.isHeldBy(clinician);
        if (!clinical) {
            audit.record(AuditEvent.of(AuditAction.BREAK_GLASS, AuditOutcome.DENIED).patient(patient).object("health-record", patient)
                    .because("not a clinician"));
            throw new EmergencyAccessRefusedException("compliance.refused.notClinician");
        }
        Reason chosen = Arrays.stream(Reason.values()).filter(known -> known.name().equals(reason)).findFirst()
                .orElseThrow(() -> new EmergencyAccessRefusedException("compliance.refused.reason"));
        String explained = text(details, "compliance.refused.details");
        try {
            secondFactors.confirm(clinician.getName(), secondFactorCode);
        } catch (AccountRejectedException wrong) {
            audit.record(AuditEvent.of(AuditAction.BREAK_GLASS, AuditOutcome.DENIED).patient(patient).object("health-record", patient)
                    .because("second factor not confirmed"));
            throw new EmergencyAccessRefusedException(wrong.key(), wrong.getArguments());
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.breakGlassDuration());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO break_glass (id, username, patient_id, reason, details, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, clinician.getName(), patient, chosen.name(), explained, utc(now), utc(until)).update();
        audit.recordAfterCommit(AuditEvent.of(AuditAction.BREAK_GLASS, AuditOutcome.SUCCESS).patient(patient).object("break-glass", id)
                .because(label(chosen) + ": " + explained));
        accounts.staff().stream().filter(member -> member.roles().contains(Role.SECURITY_OFFICER))
                .forEach(officer -> accounts.queueNotice(officer.username(), NoticeType.EMERGENCY_ACCESS_REVIEW,
                        hearth.baseUrl() + "/security/break-glass"));
        return until;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean active(String username, UUID patient) {
        return jdbc.sql("SELECT count(*) FROM break_glass WHERE username = ? AND patient_id = ? AND expires_at > ?")
                .params(username, patient, utc(clock.instant())).query(Long.class).single() > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<UUID> activeFor(String username) {
        return java.util.Set.copyOf(jdbc.sql("SELECT DISTINCT patient_id FROM break_glass WHERE username = ? AND expires_at > ?")
                .params(username, utc(clock.instant())).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Grant> awaitingReview() {
        return jdbc.sql("SELECT * FROM break_glass WHERE review IS NULL ORDER BY granted_at LIMIT 500").query(EmergencyAccessLedger::grant).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Grant> reviewed(int limit) {
        return jdbc.sql("SELECT * FROM break_glass WHERE review IS NOT NULL ORDER BY reviewed_at DESC LIMIT ?")
                .param(Math.max(1, Math.min(limit, 500))).query(EmergencyAccessLedger::grant).list();
    }

    @Override
    @Transactional
    public void review(UUID grant, Review verdict, String note, Actor by) {
        String why = note == null || note.isBlank() ? null : text(note, "");
        int updated = jdbc.sql("""
                UPDATE break_glass SET review = ?, review_note = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND review IS NULL""")
                .params(verdict.name(), why, by.id(), utc(clock.instant()), grant).update();
        if (updated == 0) {
            throw new EmergencyAccessRefusedException("compliance.refused.reviewed");
        }
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("break-glass", grant)
                .because("emergency access " + verdict.name().toLowerCase() + (why == null ? "" : ": " + why)));
    }

    /** The reason as the patient's access log shows it. */
    static String label(Reason reason) {
        return switch (reason) {
            case EMERGENCY_TREATMENT -> "Emergency treatment";
            case PATIENT_CANNOT_CONSENT -> "Patient unable to consent";
            case COVERING_FOR_COLLEAGUE -> "Covering for a colleague";
            case OTHER -> "Other";
        };
    }

    private static String text(String value, String keyWhenEmpty) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new EmergencyAccessRefusedException(keyWhenEmpty);
        }
        if (clean.length() > MAX_TEXT || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw new EmergencyAccessRefusedException("compliance.refused.textLength", MAX_TEXT);
        }
        return clean;
    }

    private static Grant grant(ResultSet row, int n) throws SQLException {
        String review = row.getString("review");
        OffsetDateTime reviewedAt = row.getObject("reviewed_at", OffsetDateTime.class);
        return new Grant(row.getObject("id", UUID.class), row.getString("username"), row.getObject("patient_id", UUID.class),
                Reason.valueOf(row.getString("reason")), row.getString("details"), row.getObject("granted_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(), review == null ? null : Review.valueOf(review),
                row.getString("review_note"), row.getString("reviewed_by"), reviewedAt == null ? null : reviewedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
