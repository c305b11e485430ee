package io.hearth.notifications;

/** The notifications module's API: the outbox of PHI-free email notices. */
public interface Notices {

    /**
     * Puts the notice in the outbox within the caller's transaction: it is sent after commit, with retries, exactly
     * once, also across restarts and SMTP outages; a rolled-back action sends nothing.
     */
    void queue(Notice notice);
}
