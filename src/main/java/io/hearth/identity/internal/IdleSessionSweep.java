package io.hearth.identity.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.shared.SessionHandle;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes sessions whose idle timeout passed and audits each end. Spring Session's own clean-up deletes them in one
 * silent statement (it is switched off: {@code spring.session.jdbc.cleanup-cron: "-"}), and a session found expired
 * when its browser comes back is left in place for this sweep (see {@link #DELETE_UNLESS_EXPIRED}). On several nodes
 * each session is deleted, and so audited, by one of them only: the delete is conditional on the expiry.
 *
 * <p>Expiry is judged on the system clock, not the injected one, because that is what Spring Session judges it on;
 * a moved test clock must not end sessions the repository still serves.
 */
@Component
class IdleSessionSweep {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    IdleSessionSweep(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Expired(String primaryId, String sessionId, String principal) {
    }

    /** Ends every expired session; returns how many. */
    @Scheduled(cron = "30 * * * * *")
    int sweep() {
        int ended = 0;
        List<Expired> expired;
        do {
            long now = System.currentTimeMillis();
            expired = jdbc.sql("SELECT PRIMARY_ID, SESSION_ID, PRINCIPAL_NAME FROM SPRING_SESSION WHERE EXPIRY_TIME < ? ORDER BY EXPIRY_TIME LIMIT " + BATCH)
                    .param(now).query((row, n) -> new Expired(row.getString(1), row.getString(2), row.getString(3))).list();
            for (Expired session : expired) {
                if (jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRIMARY_ID = ? AND EXPIRY_TIME < ?").params(session.primaryId(), now).update() == 1) {
                    ended++;
                    if (session.principal() != null) {
                        // the roles a session held are inside its (encrypted) attributes, gone with it
                        audit.record(AuditEvent.of(AuditAction.SESSION_ENDED, AuditOutcome.SUCCESS).by(new Actor(session.principal(), ""))
                                .object("session", SessionHandle.of(session.sessionId())).because("idle timeout"));
                    }
                }
            }
        } while (expired.size() == BATCH);
        return ended;
    }

    /**
     * Spring Session deletes a session it finds expired when a request brings its id; then nobody would know it
     * ended. Its delete statement therefore leaves expired sessions alone (sign-out and ending a live session still
     * delete at once): the sweep removes and audits them.
     */
    static final String DELETE_UNLESS_EXPIRED = """
            DELETE FROM %TABLE_NAME% WHERE SESSION_ID = ? AND MAX_INACTIVE_INTERVAL >= 0
                AND EXPIRY_TIME >= CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)""";
}
