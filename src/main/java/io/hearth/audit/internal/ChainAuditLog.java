package io.hearth.audit.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.shared.SessionHandle;
import io.hearth.system.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class ChainAuditLog implements AuditLog {

    // the sizes of audit_entry's (and audit_pending's) text columns
    private static final int ACTOR_ID = 320;
    private static final int ACTOR_ROLES = 200;
    private static final int OBJECT_TYPE = 60;
    private static final int OBJECT_ID = 100;
    private static final int REASON = 1000;
    private final ChainWriter writer;
    private final PendingEntries pending;
    private final Clock clock;

    ChainAuditLog(ChainWriter writer, PendingEntries pending, Clock clock) {
        this.writer = writer;
        this.pending = pending;
        this.clock = clock;
    }

    /**
     * Returns once the entry is durable; the action that needed it must not go ahead otherwise. Outside a transaction
     * (most reads) the entry is committed to audit_pending on the caller's thread, one round trip, and the writer
     * chains it shortly after with others; inside a transaction, which may roll back, the writer chains it in its own
     * transaction while the caller waits, so a denial stays recorded and the caller, already holding a connection,
     * takes no second one from the pool.
     */
    @Override
    public void record(AuditEvent event) {
        NewEntry entry = entry(event);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            appendAndWait(entry);
        } else {
            writer.enqueue(pending.write(entry));
        }
    }

    private void appendAndWait(NewEntry entry) {
        ChainWriter.await(writer.append(entry));
    }

    @Override
    public void recordAfterCommit(AuditEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(event);
            return;
        }
        // captured now, on the caller's thread, while the actor and request are known, and written in the caller's
        // transaction, so the entry commits or rolls back with the change it describes (recovered by the writer if
        // the process dies between the commit and the hand-over below)
        NewEntry entry = pending.write(entry(event));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                writer.enqueue(entry);
            }
        });
    }

    private NewEntry entry(AuditEvent event) {
        Actor actor = event.actor() != null ? event.actor() : currentActor();
        HttpServletRequest request = currentRequest();
        String clientAddress = null;
        String requestId = null;
        String sessionHash = null;
        if (request != null) {
            clientAddress = request.getRemoteAddr();
            requestId = RequestIds.of(request);
            HttpSession session = request.getSession(false);
            sessionHash = session == null ? null : SessionHandle.of(session.getId());
        }
        // microseconds: what both databases store, so the hash read back is the hash written
        return new NewEntry(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), clip(actor.id(), ACTOR_ID),
                clip(actor.roles(), ACTOR_ROLES), event.action().name(), event.outcome().name(), event.patientId(), clip(event.objectType(), OBJECT_TYPE),
                clip(event.objectId(), OBJECT_ID), clip(event.reason(), REASON), clientAddress,
                requestId, sessionHash);
    }

    private static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return Actor.ANONYMOUS;
        }
        return Actor.of(authentication);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    /**
     * Free text is kept to its column's size (so a long value never fails the write, and with it the request that is
     * audited); control characters are escaped so no entry can fake a log line.
     */
    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(point -> {
            if (Character.isISOControl(point)) {
                safe.append(String.format("\\u%04x", point));
            } else {
                safe.appendCodePoint(point);
            }
        });
        int end = Math.min(safe.length(), max);
        if (end < safe.length() && Character.isHighSurrogate(safe.charAt(end - 1))) {
            end--; // never half a character
        }
        return safe.substring(0, end);
    }
}
