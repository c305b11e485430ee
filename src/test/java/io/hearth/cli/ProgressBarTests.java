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
}
