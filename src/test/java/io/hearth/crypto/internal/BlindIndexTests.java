package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlindIndexTests {

    @TempDir
    Path dataDir;

    TinkBlindIndex index;

    @BeforeEach
    void start() {
        index = CryptoFixture.start(dataDir).blindIndex;
    }

    @Test
    void sameInputGivesSameIndex() {
        assertThat(index.of("patient.email", "ada@example.org")).isEqualTo(index.of("patient.email", "ada@example.org")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void differentValuesDiffer() {
        assertThat(index.of("patient.email", "ada@example.org")).isNotEqualTo(index.of("patient.email", "bob@example.org"));
    }

    @Test
    void differsPerPurpose() {
        assertThat(index.of("patient.email", "12345")).isNotEqualTo(index.of("patient.mrn", "12345"));
    }

    @Test
    void isNotAPlainHash() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("ada@example.org".getBytes(StandardCharsets.UTF_8)));

        assertThat(index.of("patient.email", "ada@example.org")).isNotEqualTo(sha256);
    }

    @Test
    void anotherInstallationGivesAnotherIndex(@TempDir Path otherDataDir) {
        assertThat(CryptoFixture.start(otherDataDir).blindIndex.of("patient.email", "ada@example.org")).isNotEqualTo(index.of("patient.email", "ada@example.org"));
    }

    @Test
    void purposeIsChecked() {
        assertThatThrownBy(() -> index.of("Patient Email", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
