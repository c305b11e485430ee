package io.hearth.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import io.hearth.crypto.MasterKeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default master key: a Tink AES-256-GCM keyset in {@code keys/master.key}, encrypted under a key that Argon2id
 * derives from the operator's passphrase with the salt and cost in {@code keys/master.kdf}. Made on first start.
 */
class PassphraseMasterKeySource implements MasterKeySource {

    static final String KEY_FILE = "master.key";
    static final String KDF_FILE = "master.kdf";
    private static final byte[] ASSOCIATED_DATA = "hearth.crypto.master-key.v1".getBytes(StandardCharsets.UTF_8);

    private final Path keyFile;
    private final Path kdfFile;
    private final Aead masterKey;

    PassphraseMasterKeySource(Path keysDir, char[] passphrase, Argon2Kdf.Cost costOfNewKey, SecureRandom random) {
        TinkRegistration.ensure();
        this.keyFile = keysDir.resolve(KEY_FILE);
        this.kdfFile = keysDir.resolve(KDF_FILE);
        try {
            this.masterKey = Files.exists(keyFile) ? open(passphrase) : create(keysDir, passphrase, costOfNewKey, random);
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("The master key file " + keyFile + " cannot be read or written", e);
        }
    }

    private Aead open(char[] passphrase) throws IOException {
        if (!Files.exists(kdfFile)) {
            throw new MasterKeyUnavailableException("The master key file " + keyFile + " is there but " + kdfFile
                    + " is missing; restore both from the key backup");
        }
        Argon2Kdf kdf = Argon2Kdf.parse(Files.readString(kdfFile, StandardCharsets.US_ASCII));
        String wrapped = Files.readString(keyFile, StandardCharsets.UTF_8);
        try {
            KeysetHandle master = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(wrapped, passphraseKey(kdf, passphrase), ASSOCIATED_DATA);
            return master.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException wrongPassphraseOrChanged) {
            throw new MasterKeyUnavailableException("The master key file " + keyFile
                    + " cannot be unlocked: the passphrase is wrong, or the file was changed");
        }
    }

    private Aead create(Path keysDir, char[] passphrase, Argon2Kdf.Cost cost, SecureRandom random) throws IOException {
        PrivateFiles.directory(keysDir);
        Files.deleteIfExists(kdfFile);
        Argon2Kdf kdf = Argon2Kdf.fresh(cost, random);
        try {
            KeysetHandle master = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String wrapped = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(master, passphraseKey(kdf, passphrase), ASSOCIATED_DATA);
            PrivateFiles.write(kdfFile, kdf.format().getBytes(StandardCharsets.US_ASCII));
            PrivateFiles.write(keyFile, wrapped.getBytes(StandardCharsets.UTF_8));
            return master.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailableException("A new master key could not be made", e);
        }
    }

    private static Aead passphraseKey(Argon2Kdf kdf, char[] passphrase) throws GeneralSecurityException {
        byte[] keyBytes = kdf.derive(passphrase);
        try {
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                            .setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
                    .setKeyBytes(SecretBytes.copyFrom(keyBytes, InsecureSecretKeyAccess.get()))
                    .build();
            return KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    @Override
    public Aead masterKey() {
        return masterKey;
    }

    @Override
    public Map<String, byte[]> backupFiles() {
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(KEY_FILE, Files.readAllBytes(keyFile));
            files.put(KDF_FILE, Files.readAllBytes(kdfFile));
            return files;
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("The master key files in " + keyFile.getParent() + " cannot be read", e);
        }
    }
}
