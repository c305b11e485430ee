package io.hearth.audit;

/**
 * The one way every module records what happened. Both methods return only once the entry is durable (committed to
 * the database); it joins the tamper-evident chain moments later ({@link AuditTrail#awaitChained()} waits for that).
 */
public interface AuditLog {

    /** Records now, whatever happens to the caller's transaction (use for reads, denials and failures). */
    void record(AuditEvent event);

    /**
     * Records a change in the caller's transaction, so the entry commits exactly when the change does: a change that
     * rolled back is not reported as done, and no committed change goes unrecorded, even if the process dies right
     * after the commit. Outside a transaction it records at once.
     */
    void recordAfterCommit(AuditEvent event);
}
