package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.CryptoProperties;
import io.hearth.crypto.EncryptedColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetPersistenceTests {

    static final EncryptedColumn NAME = EncryptedColumn.of("patient", "name_ciphertext");

    @TempDir
    Path dataDir;

    @Test
    void secondInstanceWithSamePassphraseReadsOldValues() {
        CryptoFixture first = CryptoFixture.start(dataDir);
        UUID row = UUID.randomUUID();
        byte[] ciphertext = first.fields.encrypt("Ada", NAME.at(row));

        CryptoFixture second = first.restart(CryptoFixture.PASSPHRASE);

        assertThat(second.fields.decrypt(ciphertext, NAME.at(row))).isEqualTo("Ada");
        assertThat(second.blindIndex.of("patient.email", "ada@example.org")).isEqualTo(first.blindIndex.of("patient.email", "ada@example.org"));
    }

    @Test
    void keysetsAreStoredEncrypted() {
        CryptoFixture fixture = CryptoFixture.start(dataDir);

        String stored = fixture.store().find("fields").orElseThrow().encryptedKeyset();

        assertThat(stored).contains("encryptedKeyset").doesNotContain("\"keyData\"");
        assertThat(fixture.jdbc.sql("select count(*) from crypto_keyset").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void wrongPassphraseFailsClearly() {
        CryptoFixture first = CryptoFixture.start(dataDir);

        assertThatThrownBy(() -> first.restart("not the right passphrase at all".toCharArray()))
                .isInstanceOf(MasterKeyUnavailableException.class)
                .hasMessageContaining("cannot be unlocked: the passphrase is wrong")
                .hasMessageNotContaining("not the right passphrase");
    }

    @Test
    void anotherMasterKeyCannotOpenTheKeysets() throws Exception {
        CryptoFixture first = CryptoFixture.start(dataDir);
        Files.delete(dataDir.resolve("keys/master.key"));

        assertThatThrownBy(() -> first.restart(CryptoFixture.PASSPHRASE))
                .isInstanceOf(MasterKeyUnavailableException.class)
                .hasMessageContaining("cannot be opened with this master key");
    }

    @Test
    void masterKeyFilesAreOwnerOnlyAndHoldNoPassphrase() throws Exception {
        CryptoFixture.start(dataDir);

        Path key = dataDir.resolve("keys/master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys")))).isEqualTo("rwx------");
        assertThat(Files.readString(key)).contains("encryptedKeyset").doesNotContain(new String(CryptoFixture.PASSPHRASE));
        assertThat(Files.readString(dataDir.resolve("keys/master.kdf"))).startsWith("argon2id v=19 m=1024 t=1 p=1 salt=");
    }

    @Test
    void noPassphraseOutsideDemoModeFailsWithOneMessage() {
        assertThatThrownBy(() -> MasterPassphrase.resolve(new CryptoProperties(null, null), false, dataDir.resolve("keys"), new SecureRandom()))
                .isInstanceOf(MasterKeyUnavailableException.class)
                .hasMessageContaining("No master key passphrase is configured: set HEARTH_MASTER_PASSPHRASE");
    }

    @Test
    void demoModeGeneratesAPassphraseOnceIntoAnOwnerOnlyFile() throws Exception {
        Path keys = dataDir.resolve("keys");
        char[] first = MasterPassphrase.resolve(new CryptoProperties("", null), true, keys, new SecureRandom());
        char[] second = MasterPassphrase.resolve(new CryptoProperties(null, null), true, keys, new SecureRandom());

        assertThat(first).isEqualTo(second).hasSizeGreaterThanOrEqualTo(MasterPassphrase.MIN_LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("demo-passphrase")))).isEqualTo("rw-------");
    }

    @Test
    void passphraseComesFromSettingOrFile() throws Exception {
        Path file = dataDir.resolve("passphrase");
        Files.writeString(file, "a passphrase from a file\nignored second line\n");

        assertThat(MasterPassphrase.resolve(new CryptoProperties(null, file), false, dataDir, new SecureRandom())).isEqualTo("a passphrase from a file".toCharArray());
        assertThat(MasterPassphrase.resolve(new CryptoProperties("a passphrase in a setting", null), false, dataDir, new SecureRandom()))
                .isEqualTo("a passphrase in a setting".toCharArray());
        assertThatThrownBy(() -> MasterPassphrase.resolve(new CryptoProperties("x", file), false, dataDir, new SecureRandom()))
                .hasMessageContaining("set only one");
        assertThatThrownBy(() -> MasterPassphrase.resolve(new CryptoProperties("too short", null), false, dataDir, new SecureRandom()))
                .hasMessageContaining("shorter than 16");
    }

    @Test
    void settingsNeverPrintThePassphrase() {
        assertThat(new CryptoProperties("a passphrase in a setting", null).toString()).doesNotContain("a passphrase");
    }
}
