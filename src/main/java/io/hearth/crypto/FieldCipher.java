package io.hearth.crypto;

/**
 * Encrypts single values (PHI fields) with AES-256-GCM from the field keyset, binding each ciphertext to its
 * {@link FieldContext}. The same plaintext encrypts differently every time, so ciphertexts cannot be compared; use
 * {@link BlindIndex} for equality look-ups. {@code null} stays {@code null} both ways.
 */
public interface FieldCipher {

    byte[] encrypt(String plaintext, FieldContext context);

    /** @throws TamperedCiphertextException when the value was changed, moved to another row or column, or its key is gone */
    String decrypt(byte[] ciphertext, FieldContext context);

    /** Like {@link #encrypt(String, FieldContext)}, for values that are bytes (serialised objects, binary fields). */
    byte[] encryptBytes(byte[] plaintext, FieldContext context);

    /** @throws TamperedCiphertextException as {@link #decrypt(byte[], FieldContext)} */
    byte[] decryptBytes(byte[] ciphertext, FieldContext context);

    /**
     * The value re-encrypted under the current primary key, or the same array when it already is; for
     * {@link ReencryptionTarget} implementations.
     */
    byte[] reencrypt(byte[] ciphertext, FieldContext context);

    /** The id of the key new values are encrypted under. */
    int primaryKeyId();

    /**
     * The id of the key a ciphertext was made with, read from its 5-byte prefix (0x01 and the key id, big-endian),
     * or -1 when the value has no such prefix.
     */
    static int keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 5 || ciphertext[0] != 0x01) {
            return -1;
        }
        return ((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16) | ((ciphertext[3] & 0xff) << 8) | (ciphertext[4] & 0xff);
    }
}
