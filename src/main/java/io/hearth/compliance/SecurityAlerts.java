package io.hearth.compliance;

import io.hearth.audit.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Suspicious activity for the security officer: every {@code hearth.compliance.alerts.check-interval} the audit trail
 * is counted over the last {@code window} and each rule whose threshold is reached raises an alert, which names who
 * (a username, a client address or an account), the rule, the window and the count, never a patient. One alert per
 * rule and subject stays open until the officer closes it (harmless, or escalated to an incident, with a note); after
 * that only activity the alert did not cover raises a new one. New alerts are emailed to every security officer, one
 * PHI-free notice per run.
 */
public interface SecurityAlerts {

    /** What was noticed. The names are stored: add new ones, never rename one. */
    enum Rule {
        /** One person opened many different patients' records. */
        RECORD_SNOOPING,
        /** One person was refused many reads of health information. */
        REPEATED_DENIALS,
        /** Many failed sign-in steps from one client address. */
        SIGN_IN_FAILURES_FROM_ADDRESS,
        /** Many failed sign-in steps against one account, more than the lockout lets through. */
        SIGN_IN_FAILURES_AGAINST_ACCOUNT
    }

    enum Status { OPEN, HARMLESS, ESCALATED }

    /**
     * @param subject whom the rule counted: a username, a client address, or an account id
     * @param subjectName how the page names the subject (the account's username for an account id)
     * @param count the highest count seen in one window while the alert was open
     * @param first the earliest and {@code last} the latest counted audit entry
     */
    record Alert(UUID id, Rule rule, String subject, String subjectName, long count, Duration window, Instant first, Instant last,
            Instant raisedAt, Status status, String note, String closedBy, Instant closedAt) {
    }

    /** Runs the rules now (the schedule does every check interval); returns how many alerts it raised. */
    int detect();

    /** Open alerts, newest first. */
    List<Alert> open();

    /** Recently closed alerts, newest first. */
    List<Alert> closed(int limit);

    /**
     * Closes an open alert (audited).
     *
     * @throws AlertRefusedException with a message for the officer: not a verdict, no note or too long a note, or the
     *     alert is unknown or already closed
     */
    void close(UUID alert, Status verdict, String note, Actor by);
}
