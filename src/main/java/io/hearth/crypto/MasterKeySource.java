package io.hearth.crypto;

import com.google.crypto.tink.Aead;
import java.util.Map;

/**
 * The root of the key hierarchy: an {@link Aead} that wraps and unwraps the data keysets, which are stored
 * encrypted in the database. The data keys never leave the process in plaintext; only this key can open them.
 *
 * <p>The default source is a master keyset in {@code ${hearth.data-dir}/keys/master.key}, itself encrypted under a
 * key derived with Argon2id from the operator's passphrase. To keep the master key in a cloud KMS or in Vault instead,
 * define a {@code MasterKeySource} bean (the default steps aside) whose {@link #masterKey()} returns
 * {@code kmsClient.getAead(keyUri)} from Tink's {@code KmsClient} for that service (for example
 * {@code GcpKmsClient}, {@code AwsKmsClient}, or a small {@code KmsClient} over Vault's transit engine); the keysets
 * are then wrapped by the KMS, the key never exists on this machine, and {@link #backupFiles()} returns nothing
 * because the KMS holds the key material. Changing the source of a running installation means re-wrapping every
 * keyset with the new master key, which is not automated yet.
 */
public interface MasterKeySource {

    /** The master key; every call may return the same instance. */
    Aead masterKey();

    /**
     * Files, by name, that a backup of the key material must contain besides the encrypted keysets, for example the
     * wrapped master key file. Never plaintext key material.
     */
    default Map<String, byte[]> backupFiles() {
        return Map.of();
    }
}
