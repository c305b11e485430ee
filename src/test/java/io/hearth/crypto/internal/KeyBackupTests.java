package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.EncryptedColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyBackupTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @Test
    void holdsTheWrappedKeyMaterialOnlyAndIsOwnerOnly() throws Exception {
        CryptoFixture fixture = CryptoFixture.start(dataDir);
        Path zip = elsewhere.resolve("keys.zip");

        backup(fixture).export(zip);

        Map<String, String> entries = entries(zip);
        assertThat(entries).containsOnlyKeys("README.txt", "keysets/fields.json", "keysets/files.json", "keysets/blind-index.json",
                "master/master.key", "master/master.kdf");
        assertThat(entries.get("keysets/fields.json")).isEqualTo(fixture.store().find("fields").orElseThrow().encryptedKeyset());
        assertThat(entries.get("master/master.key")).isEqualTo(Files.readString(dataDir.resolve("keys/master.key")));
        assertThat(entries.values()).noneMatch(text -> text.contains("\"keyData\"") || text.contains(new String(CryptoFixture.PASSPHRASE)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
    }

    @Test
    void restoredKeyMaterialReadsTheDatabaseAgain() throws Exception {
        CryptoFixture fixture = CryptoFixture.start(dataDir);
        EncryptedColumn column = EncryptedColumn.of("patient", "name_ciphertext");
        UUID row = UUID.randomUUID();
        byte[] ciphertext = fixture.fields.encrypt("Ada", column.at(row));
        Path zip = elsewhere.resolve("keys.zip");
        backup(fixture).export(zip);

        // the data folder is lost; the database and the key backup survive
        Path restoredDataDir = elsewhere.resolve("restored");
        Files.createDirectories(restoredDataDir.resolve("keys"));
        Map<String, String> entries = entries(zip);
        Files.writeString(restoredDataDir.resolve("keys/master.key"), entries.get("master/master.key"));
        Files.writeString(restoredDataDir.resolve("keys/master.kdf"), entries.get("master/master.kdf"));
        var masterKey = new PassphraseMasterKeySource(restoredDataDir.resolve("keys"), CryptoFixture.PASSPHRASE, CryptoFixture.CHEAP, new SecureRandom());
        var restored = new TinkFieldCipher(new Keysets(fixture.store(), masterKey, fixture.clock));

        assertThat(restored.decrypt(ciphertext, column.at(row))).isEqualTo("Ada");
    }

    @Test
    void neverOverwritesAFile() throws Exception {
        CryptoFixture fixture = CryptoFixture.start(dataDir);
        Path existing = Files.writeString(elsewhere.resolve("keys.zip"), "precious");

        assertThatThrownBy(() -> backup(fixture).export(existing)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }

    private static KeyMaterialBackup backup(CryptoFixture fixture) {
        var masterKey = new PassphraseMasterKeySource(fixture.dataDir.resolve("keys"), CryptoFixture.PASSPHRASE, CryptoFixture.CHEAP, new SecureRandom());
        return new KeyMaterialBackup(fixture.store(), masterKey, fixture.clock);
    }

    private static Map<String, String> entries(Path zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                entries.put(entry.getName(), new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
