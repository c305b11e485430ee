package io.hearth.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionActivityTests {

    @Test
    void theBrowserCountsDownFromTheIdleTimeoutLessWhatTheServerMayNotHaveRecorded() {
        assertThat(SessionActivity.idleTimeLeftAtMost(Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(870));
        assertThat(SessionActivity.idleTimeLeftAtMost(Duration.ofSeconds(64))).isEqualTo(Duration.ofSeconds(34));
    }

    @Test
    void aVeryShortTimeoutIsNotCountedDownToNothing() {
        assertThat(SessionActivity.idleTimeLeftAtMost(Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(20));
    }
}
