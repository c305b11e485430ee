package io.hearth.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portal's clock in integration tests: real time plus an offset that tests move forward instead of sleeping, or,
 * while frozen, a fixed instant that only {@link #advance} moves.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Instant frozen;

    private TestClock() {
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Stops the clock where it is (to the microsecond, as the databases store it). */
    public synchronized void freeze() {
        Instant now = instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        offset.set(Duration.ZERO);
        frozen = now;
    }

    /** Lets it tick again from where it stands. */
    public synchronized void unfreeze() {
        if (frozen != null) {
            Instant stood = instant();
            frozen = null;
            offset.set(Duration.between(Instant.now(), stood));
        }
    }

    @Override
    public Instant instant() {
        Instant base = frozen;
        return (base != null ? base : Instant.now()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock seen in another zone: frozen when it is, and moved by every later {@link #advance}. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(zone);
    }

    private final class Zoned extends Clock {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return TestClock.this.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return TestClock.this.withZone(other);
        }
    }
}
