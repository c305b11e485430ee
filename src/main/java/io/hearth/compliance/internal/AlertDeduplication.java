package io.hearth.compliance.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One open alert per rule and subject. While it is open, a run that counts the subject again updates it (highest
 * count, latest activity). Once it is closed, only activity it did not cover can raise a new one: the window is
 * counted again from where the closed alert's counts reached, so closing an alert as harmless is not undone by the
 * next run counting the same entries.
 */
final class AlertDeduplication {

    /** The newest alert for a rule and subject: whether it is still open, and up to when its counts reached. */
    record Previous(UUID id, boolean open, Instant coveredUntil) {
    }

    enum Step {
        /** no alert yet, or the last one is closed and the window has moved past it */
        RAISE,
        /** the open alert takes the new count */
        EXTEND,
        /** the last one is closed but covered part of this window: count only what came after it */
        RECOUNT
    }

    private AlertDeduplication() {
    }

    static Step next(Optional<Previous> previous, Instant windowStart) {
        if (previous.isEmpty()) {
            return Step.RAISE;
        }
        if (previous.get().open()) {
            return Step.EXTEND;
        }
        return previous.get().coveredUntil().isAfter(windowStart) ? Step.RECOUNT : Step.RAISE;
    }
}
