package io.hearth.compliance.internal;

import io.hearth.audit.AuditCounts;
import io.hearth.compliance.SecurityAlerts.Alert;
import io.hearth.compliance.SecurityAlerts.Rule;
import io.hearth.compliance.SecurityAlerts.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code security_alert} table; the database admits one open alert per rule and subject (V42). */
@Repository
class AlertStore {

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest alert for this rule and subject, open or closed. */
    Optional<AlertDeduplication.Previous> latest(Rule rule, String subject) {
        return jdbc.sql("""
                SELECT id, status, covered_until FROM security_alert WHERE rule = ? AND subject = ? ORDER BY raised_at DESC LIMIT 1""")
                .params(rule.name(), subject)
                .query((row, n) -> new AlertDeduplication.Previous(row.getObject("id", UUID.class), Status.valueOf(row.getString("status")) == Status.OPEN,
                        row.getObject("covered_until", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void raise(UUID id, Rule rule, AuditCounts.Count count, String subjectName, Duration window, Instant coveredUntil, Instant now) {
        jdbc.sql("""
                INSERT INTO security_alert (id, rule, subject, subject_name, event_count, window_length, first_seen, last_seen, covered_until,
                  raised_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(id, rule.name(), count.key(), subjectName, count.count(), window.toSeconds(), utc(count.first()), utc(count.last()),
                        utc(coveredUntil), utc(now))
                .update();
    }

    /** The open alert saw this count in a later window: it keeps the highest count and the latest activity. */
    void extend(UUID id, AuditCounts.Count count, Instant coveredUntil) {
        jdbc.sql("""
                UPDATE security_alert SET event_count = greatest(event_count, ?), last_seen = greatest(last_seen, ?), covered_until = ?
                WHERE id = ? AND status = 'OPEN'""")
                .params(count.count(), utc(count.last()), utc(coveredUntil), id).update();
    }

    /** Returns whether it was open. */
    boolean close(UUID id, Status verdict, String note, String by, Instant now) {
        return jdbc.sql("UPDATE security_alert SET status = ?, close_note = ?, closed_by = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'")
                .params(verdict.name(), note, by, utc(now), id).update() == 1;
    }

    List<Alert> open() {
        return jdbc.sql("SELECT * FROM security_alert WHERE status = 'OPEN' ORDER BY raised_at DESC LIMIT 500").query(AlertStore::alert).list();
    }

    List<Alert> closed(int limit) {
        return jdbc.sql("SELECT * FROM security_alert WHERE status <> 'OPEN' ORDER BY closed_at DESC LIMIT ?")
                .param(Math.max(1, Math.min(limit, 500))).query(AlertStore::alert).list();
    }

    private static Alert alert(ResultSet row, int n) throws SQLException {
        OffsetDateTime closedAt = row.getObject("closed_at", OffsetDateTime.class);
        return new Alert(row.getObject("id", UUID.class), Rule.valueOf(row.getString("rule")), row.getString("subject"),
                row.getString("subject_name"), row.getLong("event_count"), Duration.ofSeconds(row.getLong("window_length")),
                instant(row, "first_seen"), instant(row, "last_seen"), instant(row, "raised_at"), Status.valueOf(row.getString("status")),
                row.getString("close_note"), row.getString("closed_by"), closedAt == null ? null : closedAt.toInstant());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
