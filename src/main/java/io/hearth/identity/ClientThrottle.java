package io.hearth.identity;

/**
 * The per-address limit on failed attempts that sign-in uses, for other doors that take guesses (activation codes):
 * past the limit an address may not try again until the window passes. One counter for all of them.
 */
public interface ClientThrottle {

    boolean blocked(String clientAddress);

    /** Counts a failure; written in its own transaction, so it stays counted when the caller's rolls back. */
    void recordFailure(String clientAddress);
}
