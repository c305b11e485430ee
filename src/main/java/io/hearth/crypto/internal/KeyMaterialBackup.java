package io.hearth.crypto.internal;

import io.hearth.crypto.KeyBackup;
import io.hearth.crypto.MasterKeySource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

class KeyMaterialBackup implements KeyBackup {

    private static final String README = """
            Hearth key material backup, made %s.

            keysets/*.json  the data keysets, exactly as stored in the crypto_keyset table: encrypted under the master key.
            master/*        the master key source's files (the default source: master.key, encrypted under a key derived
                            from the master passphrase, and master.kdf, its salt and cost). No plaintext key is in here.

            A database backup is readable only together with this material AND the master passphrase, which is not in
            this file: keep the passphrase apart from this backup (for example in a sealed envelope or a password safe).
            To restore: put master/master.key and master/master.kdf into ${hearth.data-dir}/keys/ (owner-only
            permissions), restore the database (its crypto_keyset table holds the keysets; if it predates a key
            rotation, load keysets/*.json into that table), and start with the same passphrase.
            """;

    private final KeysetStore store;
    private final MasterKeySource masterKeySource;
    private final Clock clock;

    KeyMaterialBackup(KeysetStore store, MasterKeySource masterKeySource, Clock clock) {
        this.store = store;
        this.masterKeySource = masterKeySource;
        this.clock = clock;
    }

    @Override
    public void export(Path zipFile) throws IOException {
        try (FileChannel channel = PrivateFiles.createNew(zipFile)) {
            try (ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(channel))) {
                add(zip, "README.txt", README.formatted(clock.instant()).getBytes(StandardCharsets.UTF_8));
                for (KeysetName name : KeysetName.values()) {
                    var stored = store.find(name.storedName()).orElseThrow(() -> new IllegalStateException("Keyset " + name.storedName() + " is missing"));
                    add(zip, "keysets/" + name.storedName() + ".json", stored.encryptedKeyset().getBytes(StandardCharsets.UTF_8));
                }
                for (Map.Entry<String, byte[]> file : masterKeySource.backupFiles().entrySet()) {
                    add(zip, "master/" + file.getKey(), file.getValue());
                }
                zip.finish();
                channel.force(true);
            }
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream entry = zip;
        entry.write(content);
        zip.closeEntry();
    }
}
