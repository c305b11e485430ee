package io.hearth.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestClockTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @AfterEach
    void tickAgain() {
        TestClock.INSTANCE.unfreeze();
    }

    @Test
    void aFrozenClockStaysFrozenInAnotherZone() throws InterruptedException {
        TestClock.INSTANCE.freeze();
        Instant stood = TestClock.INSTANCE.instant();
        Clock zoned = TestClock.INSTANCE.withZone(NEW_YORK);

        Thread.sleep(5); // real time moves; the frozen clock must not, in any zone

        assertThat(zoned.instant()).isEqualTo(stood);
        assertThat(zoned.getZone()).isEqualTo(NEW_YORK);
    }

    @Test
    void advancingMovesTheClockInEveryZoneAlsoAfterItWasTaken() {
        TestClock.INSTANCE.freeze();
        Clock zoned = TestClock.INSTANCE.withZone(NEW_YORK);
        Instant before = zoned.instant();

        TestClock.INSTANCE.advance(Duration.ofDays(3));

        assertThat(zoned.instant()).isEqualTo(before.plus(Duration.ofDays(3)));
        assertThat(zoned.withZone(ZoneId.of("UTC")).instant()).isEqualTo(TestClock.INSTANCE.instant());
    }
}
