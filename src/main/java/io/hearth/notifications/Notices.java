package io.hearth.notifications;

/** The notifications module's API: the outbox of PHI-free email notices. */
public interface Notices {

    /**
     * Puts the notice in the outbox within the caller's transaction: it is sent after commit, with retries, exactly
     * once, also across restarts and SMTP outages; a rolled-back action sends nothing.
     *
     * <p>Must be called inside a transaction ({@code Propagation.MANDATORY}; outside one it throws
     * {@code IllegalTransactionStateException}). It never talks to the SMTP server, so an outage cannot fail the
     * caller. A mass notice is one {@code queue} call per recipient; delivery is throttled.
     *
     * <p>A notice that is not about security is queued only for someone who agreed to email notices
     * ({@link EmailPreferences}); for anyone else nothing is queued and the answer is false.
     *
     * @return whether the notice was queued
     * @throws IllegalArgumentException when the recipient is not exactly one plain address, the first name is longer
     *     than 100 characters or holds control characters, or the link does not point into the portal
     *     ({@code hearth.base-url}), or a notice that is not about security names no account; the message never
     *     repeats the value
     */
    boolean queue(Notice notice);
}
