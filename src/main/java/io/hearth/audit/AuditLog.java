package io.hearth.audit;

/**
 * The one way every module records what happened. Entries are written in a transaction of their own, so a denial
 * or failure stays recorded even when the caller's transaction rolls back; {@link #record} returns only once the
 * entry is durable.
 */
public interface AuditLog {

    /** Records now, whatever happens to the caller's transaction (use for reads, denials and failures). */
    void record(AuditEvent event);

    /**
     * Records a change once the caller's transaction has committed, before control returns to the caller (and so
     * before any response is sent): a change that rolled back is not reported as done. Outside a transaction it
     * records at once.
     */
    void recordAfterCommit(AuditEvent event);
}
