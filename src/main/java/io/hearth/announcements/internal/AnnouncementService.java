package io.hearth.announcements.internal;

import io.hearth.announcements.Announcements;
import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores announcements and queues their notices in the same transaction: one notice per patient, which the outbox
 * sends one email at a time, throttled, and only to those who agreed to email.
 */
@Service
class AnnouncementService implements Announcements {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Notices notices;
    private final AuditLog audit;
    private final HearthProperties hearth;
    private final Clock clock;

    AnnouncementService(JdbcClient jdbc, Accounts accounts, Notices notices, AuditLog audit, HearthProperties hearth, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notices = notices;
        this.audit = audit;
        this.hearth = hearth;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Announcement publish(String title, String body, Instant shownUntil, Actor by) {
        String cleanTitle = text(title, MAX_TITLE, false, "title");
        String cleanBody = text(body, MAX_BODY, true, "text");
        Instant now = clock.instant();
        if (shownUntil == null || !shownUntil.isAfter(now)) {
            throw new IllegalArgumentException("Choose a last day that is still to come.");
        }
        UUID id = UUID.randomUUID();
        int queued = 0;
        for (var notice : accounts.noticesToEveryone(Role.PATIENT, NoticeType.PRACTICE_ANNOUNCEMENT, hearth.baseUrl() + "/")) {
            if (notices.queue(notice)) {
                queued++;
            }
        }
        jdbc.sql("""
                INSERT INTO announcement (id, title, body, published_at, published_by, shown_until, notices_queued)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, cleanTitle, cleanBody, utc(now), by.id(), utc(shownUntil), queued).update();
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("announcement", id)
                .because("announcement published; " + queued + " notices queued"));
        return new Announcement(id, cleanTitle, cleanBody, now, shownUntil, queued);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Announcement> current() {
        return jdbc.sql("SELECT * FROM announcement WHERE shown_until > ? ORDER BY published_at DESC LIMIT 20")
                .param(utc(clock.instant())).query(AnnouncementService::row).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Announcement> recent(int limit) {
        return jdbc.sql("SELECT * FROM announcement ORDER BY published_at DESC LIMIT ?").param(Math.max(1, Math.min(limit, 200)))
                .query(AnnouncementService::row).list();
    }

    private static Announcement row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Announcement(row.getObject("id", UUID.class), row.getString("title"), row.getString("body"),
                row.getObject("published_at", OffsetDateTime.class).toInstant(), row.getObject("shown_until", OffsetDateTime.class).toInstant(),
                row.getInt("notices_queued"));
    }

    /** Trimmed; line breaks allowed only in the text; no other control characters. */
    static String text(String value, int max, boolean multiLine, String what) {
        String clean = value == null ? "" : value.replace("\r\n", "\n").strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("Write a " + what + ".");
        }
        if (clean.length() > max) {
            throw new IllegalArgumentException("The " + what + " has " + clean.length() + " characters; at most " + max + " fit.");
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) && !(multiLine && c == '\n'))) {
            throw new IllegalArgumentException("The " + what + " holds characters that cannot be shown (control characters).");
        }
        return clean;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
