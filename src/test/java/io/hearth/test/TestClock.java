package io.hearth.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The portal's clock in integration tests: real time plus an offset that tests move forward instead of sleeping. */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock() {
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }
}
