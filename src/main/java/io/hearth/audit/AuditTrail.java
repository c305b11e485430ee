package io.hearth.audit;

/** Reading the trail: verification of the chain. */
public interface AuditTrail {

    /** Verifies every entry recorded before the call (see {@link #awaitChained()}). */
    ChainVerification verify();

    /**
     * Returns once every entry recorded before the call is in the chain, so a search or a verification that follows
     * sees it. Entries are durable as soon as they are recorded; joining the chain takes moments more.
     */
    void awaitChained();
}
