package io.hearth.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevicesTests {

    @Test
    void namesCommonBrowsersAndSystems() {
        assertThat(Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
                .isEqualTo("Firefox on Windows");
        assertThat(Devices.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                + " Version/18.1 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iPhone");
    }

    @Test
    void prefersTheMostSpecificNameWhereAgentsImitateEachOther() {
        assertThat(Devices.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge on Windows");
        assertThat(Devices.describe("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                + " Mobile Safari/537.36")).isEqualTo("Chrome on Android");
    }

    @Test
    void saysSoWhenItCannotTell() {
        assertThat(Devices.describe(null)).isEqualTo("Unknown device");
        assertThat(Devices.describe("Java-http-client/17.0.15")).isEqualTo("Other browser");
    }
}
