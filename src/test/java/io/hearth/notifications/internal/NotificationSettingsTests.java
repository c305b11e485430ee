package io.hearth.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationSettingsTests {

    final NotificationProperties.Retry retry = new NotificationProperties.Retry(8, Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(retry.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(retry.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aNoticeIsGivenUpAfterTheLastAttempt() {
        assertThat(retry.exhausted(7)).isFalse();
        assertThat(retry.exhausted(8)).isTrue();
    }

    @Test
    void nonsenseRetrySettingsAreRefused() {
        assertThatThrownBy(() -> new NotificationProperties.Retry(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationProperties.Retry(3, Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThrottleAllowsABurstThenTheSustainedRate() {
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        SendRate rate = new SendRate(new NotificationProperties.Rate(5, 25), start);

        assertThat(rate.acquire(start, 50)).isEqualTo(25);
        assertThat(rate.acquire(start, 50)).isZero();
        assertThat(rate.acquire(start.plusSeconds(1), 50)).isEqualTo(5);
        rate.release(2);
        assertThat(rate.acquire(start.plusSeconds(1), 50)).isEqualTo(2);
        assertThat(rate.acquire(start.plusSeconds(3600), 50)).as("never more than the burst").isEqualTo(25);
    }

    @Test
    void aNoticeGoesToExactlyOnePlainAddress() {
        assertThat(NoticeOutbox.singleAddress(" rosa@example.org ")).isEqualTo("rosa@example.org");
        for (String bad : new String[] { "rosa@example.org, eve@example.org", "Rosa <rosa@example.org>", "rosa@example.org\r\nBcc: eve@example.org",
                "group: rosa@example.org;", "not-an-address", "", "rosa@example.org;eve@example.org" }) {
            assertThatThrownBy(() -> NoticeOutbox.singleAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("rosa").doesNotContain("eve"));
        }
    }

    @Test
    void aFirstNameCannotCarryLineBreaks() {
        assertThat(NoticeOutbox.firstName(" Rosa ")).isEqualTo("Rosa");
        assertThat(NoticeOutbox.firstName(" ")).isNull();
        assertThatThrownBy(() -> NoticeOutbox.firstName("Rosa\r\nSubject: x")).isInstanceOf(IllegalArgumentException.class);
    }
}
