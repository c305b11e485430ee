package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import io.hearth.crypto.TamperedCiphertextException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCipherTests {

    static final EncryptedColumn NAME = EncryptedColumn.of("patient", "name_ciphertext");
    static final EncryptedColumn NOTES = EncryptedColumn.of("patient", "notes_ciphertext");

    @TempDir
    Path dataDir;

    FieldCipher cipher;
    UUID row = UUID.randomUUID();

    @BeforeEach
    void start() {
        cipher = CryptoFixture.start(dataDir).fields;
    }

    @Test
    void roundTrips() {
        byte[] ciphertext = cipher.encrypt("Ada Lovelace, né 1815 ✓", NAME.at(row));

        assertThat(cipher.decrypt(ciphertext, NAME.at(row))).isEqualTo("Ada Lovelace, né 1815 ✓");
        assertThat(FieldCipher.keyIdOf(ciphertext)).isEqualTo(cipher.primaryKeyId());
    }

    @Test
    void samePlaintextEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("Ada", NAME.at(row))).isNotEqualTo(cipher.encrypt("Ada", NAME.at(row)));
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(null, NAME.at(row))).isNull();
        assertThat(cipher.decrypt(null, NAME.at(row))).isNull();
    }

    @Test
    void valueMovedToAnotherRowFails() {
        UUID otherRow = UUID.randomUUID();
        byte[] ciphertext = cipher.encrypt("Ada", NAME.at(row));

        assertThatThrownBy(() -> cipher.decrypt(ciphertext, NAME.at(otherRow)))
                .isInstanceOf(TamperedCiphertextException.class)
                .hasMessageContaining("patient.name_ciphertext")
                .hasMessageContaining(otherRow.toString())
                .hasMessageNotContaining("Ada");
    }

    @Test
    void valueMovedToAnotherColumnFails() {
        byte[] ciphertext = cipher.encrypt("Ada", NAME.at(row));

        assertThatThrownBy(() -> cipher.decrypt(ciphertext, NOTES.at(row))).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void flippedByteFails() {
        byte[] ciphertext = cipher.encrypt("Ada", NAME.at(row));
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered, NAME.at(row))).isInstanceOf(TamperedCiphertextException.class);
        }
    }

    @Test
    void truncatedValueFails() {
        byte[] ciphertext = cipher.encrypt("Ada", NAME.at(row));

        assertThatThrownBy(() -> cipher.decrypt(java.util.Arrays.copyOf(ciphertext, 4), NAME.at(row))).isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[0], NAME.at(row))).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void contextsDoNotCollide() {
        assertThat(new FieldContext("a", "b_c", "1").associatedData()).isNotEqualTo(new FieldContext("a_b", "c", "1").associatedData());
    }

    @Test
    void contextNeedsRowId() {
        assertThatThrownBy(() -> new FieldContext("patient", "name", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NAME.at(null)).isInstanceOf(NullPointerException.class);
    }
}
