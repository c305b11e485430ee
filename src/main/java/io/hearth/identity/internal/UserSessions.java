package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.shared.SessionHandle;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in sessions, as they see them on their Sessions page, and ending them. Sessions are named to the
 * browser by a handle derived from their id, never by the id itself, which is a bearer secret.
 */
@Service
public class UserSessions {

    /** The session attribute that says when, from which device and address a session signed in. */
    public static final String ORIGIN = "hearth.session.origin";

    /** Where and when a session signed in; stored (encrypted) in the session itself. */
    public record Origin(Instant signedInAt, String device, String address) implements Serializable {
    }

    /** One session as its owner sees it. */
    public record Summary(String handle, String device, String address, Instant signedInAt, Instant lastActive, boolean current) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuditLog audit;

    /** The command line runs without a web server and so without a session repository: it has no sessions to list or end. */
    UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, AuditLog audit) {
        this.sessions = sessions.getIfAvailable(NoSessions::new);
        this.audit = audit;
    }

    private static final class NoSessions extends MapSessionRepository implements FindByIndexNameSessionRepository<MapSession> {

        NoSessions() {
            super(new java.util.HashMap<>());
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    public List<Summary> of(String username, String currentSessionId) {
        return sessions.findByPrincipalName(username).values().stream()
                .filter(session -> !session.isExpired()) // timed out, waiting for the sweep (IdleSessionSweep)
                .map(session -> {
                    Origin origin = session.getAttribute(ORIGIN);
                    return new Summary(SessionHandle.of(session.getId()), origin == null ? null : origin.device(),
                            origin == null ? null : origin.address(), origin == null ? session.getCreationTime() : origin.signedInAt(),
                            session.getLastAccessedTime(), session.getId().equals(currentSessionId));
                })
                .sorted(Comparator.comparing(Summary::current).reversed().thenComparing(Summary::lastActive, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends the user's own session with this handle; false when they have none (or it is the current one). */
    public boolean end(String username, String handle, String currentSessionId) {
        Optional<String> id = sessions.findByPrincipalName(username).keySet().stream()
                .filter(sessionId -> !sessionId.equals(currentSessionId) && SessionHandle.of(sessionId).equals(handle)).findFirst();
        id.ifPresent(sessionId -> end(sessionId, "ended by its owner"));
        return id.isPresent();
    }

    /** Ends every session of the user but the current one; returns how many. */
    public int endOthers(String username, String currentSessionId, String why) {
        List<String> others = sessions.findByPrincipalName(username).keySet().stream()
                .filter(sessionId -> !sessionId.equals(currentSessionId)).toList();
        others.forEach(sessionId -> end(sessionId, why));
        return others.size();
    }

    /** Ends every session of the user; returns how many. */
    public int endAll(String username, String why) {
        return endOthers(username, null, why);
    }

    private void end(String sessionId, String why) {
        sessions.deleteById(sessionId);
        audit.record(AuditEvent.of(AuditAction.SESSION_ENDED, AuditOutcome.SUCCESS).object("session", SessionHandle.of(sessionId)).because(why));
    }
}
