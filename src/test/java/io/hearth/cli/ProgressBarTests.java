package io.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTests {

    @Test
    void drawsTheShareDone() {
        assertThat(ProgressBar.render(0, 200)).isEqualTo("[------------------------------]   0%  0/200");
        assertThat(ProgressBar.render(100, 200)).isEqualTo("[###############---------------]  50%  100/200");
        assertThat(ProgressBar.render(200, 200)).isEqualTo("[##############################] 100%  200/200");
    }

    @Test
    void nothingToDoIsDone() {
        assertThat(ProgressBar.render(0, 0)).startsWith("[##############################] 100%");
    }

    @Test
    void showsTheRateOfItemsAndTheTimeLeftFromTheShareDone() {
        assertThat(ProgressBar.render(25, 100, 5000, "resources", java.time.Duration.ofSeconds(2)))
                .isEqualTo("[#######-----------------------]  25%  5,000 resources, 2,500/s, ETA 0:06");
        assertThat(ProgressBar.render(100, 100, 9000, "resources", java.time.Duration.ofSeconds(3))).endsWith("3,000/s, ETA 0:00");
    }
}
