package io.hearth.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice outbox ({@code hearth.notifications.*}).
 *
 * @param from the sender address of every notice (the practice name is shown as its display name)
 * @param background whether this node delivers on its own: a schedule every {@code pollInterval} and a nudge right
 *     after each commit that queued a notice. Off only in tests that trigger the sender themselves.
 * @param pollInterval how often the sender looks for due notices
 * @param batchSize most notices one run claims
 * @param claimTimeout how long a claimed notice is reserved for the node that claimed it; a node that dies mid-send
 *     frees its notices after this. Must be well above the SMTP time-outs (spring.mail.properties.mail.smtp.*).
 * @param retry retries after a failed delivery
 * @param rate throttle, per node
 */
@ConfigurationProperties("hearth.notifications")
record NotificationProperties(
        @DefaultValue("no-reply@localhost") String from,
        @DefaultValue("true") boolean background,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Rate rate) {

    /**
     * @param maxAttempts attempts before a notice is given up (FAILED, with an audit entry)
     * @param firstDelay wait after the first failure; doubled after each further failure
     * @param maxDelay the longest wait between two attempts
     */
    record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration firstDelay, @DefaultValue("1h") Duration maxDelay) {

        Retry {
            if (maxAttempts < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("hearth.notifications.retry needs max-attempts >= 1 and 0 < first-delay <= max-delay");
            }
        }

        /** Whether a notice that has failed this many attempts is given up. */
        boolean exhausted(int attempts) {
            return attempts >= maxAttempts;
        }

        /** The wait after the given number of failed attempts (1, 2, ...): firstDelay x 2^(attempts-1), at most maxDelay. */
        Duration delayAfter(int attempts) {
            int doublings = Math.max(0, Math.min(attempts - 1, 62));
            Duration delay = firstDelay;
            for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /**
     * @param perSecond sustained emails per second (a token bucket on the injected clock)
     * @param burst most emails sent at once after a quiet spell; keep it at least perSecond x pollInterval
     */
    record Rate(@DefaultValue("5") double perSecond, @DefaultValue("25") int burst) {

        Rate {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("hearth.notifications.rate needs per-second > 0 and burst >= 1");
            }
        }
    }
}
