package io.hearth.patients;

import io.hearth.audit.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's choice about email notices, kept as a ledger: who chose, when, what, and which version of the
 * explanation of email's risks they were shown. Until a patient chooses, they get no email notices except security
 * ones (a locked account, a changed password, a sign-in from a new device), which always go out.
 */
public interface EmailConsent {

    /**
     * The version of the explanation the preferences page shows ({@code consent.email.*} in messages.properties).
     * Change it whenever that text changes, so the ledger says which words each choice answered.
     */
    String TEXT_VERSION = "2026-11-v1";

    /** One choice. */
    record Decision(boolean agreed, String textVersion, Instant decidedAt, String decidedBy) {
    }

    /** The choice in force, if the patient made one. */
    Optional<Decision> current(UUID account);

    /** Every choice, newest first. */
    List<Decision> history(UUID account);

    /** Records a choice (audited); it applies to notices queued from now on. */
    void record(UUID account, boolean agreed, String textVersion, Actor by);
}
