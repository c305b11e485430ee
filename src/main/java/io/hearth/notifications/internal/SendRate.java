package io.hearth.notifications.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket on the injected clock: {@code perSecond} sustained, at most {@code burst} at once. Per node; with
 * several nodes the practice's SMTP relay sees at most nodes x perSecond. Thread-safe.
 */
final class SendRate {

    private final double perSecond;
    private final int burst;
    private double tokens;
    private Instant last;

    SendRate(NotificationProperties.Rate rate, Instant now) {
        this.perSecond = rate.perSecond();
        this.burst = rate.burst();
        this.tokens = burst;
        this.last = now;
    }

    /** Takes up to {@code wanted} permits; how many were granted (0 when the bucket is empty). */
    synchronized int acquire(Instant now, int wanted) {
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * perSecond);
            last = now;
        }
        int granted = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= Math.max(0, granted);
        return Math.max(0, granted);
    }

    /** Gives back permits that were not used (no notice was due, or another node took it). */
    synchronized void release(int unused) {
        tokens = Math.min(burst, tokens + Math.max(0, unused));
    }
}
