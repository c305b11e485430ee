package io.hearth.crypto.internal;

import io.hearth.crypto.CiphertextRejected;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import io.hearth.crypto.TamperedCiphertextException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TinkFieldCipher implements FieldCipher {

    private static final Logger log = LoggerFactory.getLogger(TinkFieldCipher.class);

    private final Keysets keysets;
    private final Consumer<CiphertextRejected> alarms;

    TinkFieldCipher(Keysets keysets) {
        this(keysets, rejected -> { });
    }

    TinkFieldCipher(Keysets keysets, Consumer<CiphertextRejected> alarms) {
        this.keysets = keysets;
        this.alarms = alarms;
    }

    @Override
    public byte[] encrypt(String plaintext, FieldContext context) {
        if (plaintext == null) {
            return null;
        }
        return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    @Override
    public String decrypt(byte[] ciphertext, FieldContext context) {
        if (ciphertext == null) {
            return null;
        }
        byte[] plaintext = decryptBytes(ciphertext, context);
        try {
            return new String(plaintext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public byte[] reencrypt(byte[] ciphertext, FieldContext context) {
        if (ciphertext == null || FieldCipher.keyIdOf(ciphertext) == primaryKeyId()) {
            return ciphertext;
        }
        byte[] plaintext = decryptBytes(ciphertext, context);
        try {
            return encryptBytes(plaintext, context);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public int primaryKeyId() {
        return keysets.handle(KeysetName.FIELDS).getPrimary().getId();
    }

    @Override
    public byte[] encryptBytes(byte[] plaintext, FieldContext context) {
        try {
            return keysets.fields().encrypt(plaintext, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption of " + context + " failed", e);
        }
    }

    @Override
    public byte[] decryptBytes(byte[] ciphertext, FieldContext context) {
        try {
            return keysets.fields().decrypt(ciphertext, context.associatedData());
        } catch (GeneralSecurityException first) {
            // a key made by another process (keys rotate) since we last looked: read the keyset again, once
            int keyId = FieldCipher.keyIdOf(ciphertext);
            if (keyId != -1 && !keysets.contains(KeysetName.FIELDS, keyId) && keysets.reload(KeysetName.FIELDS)) {
                try {
                    return keysets.fields().decrypt(ciphertext, context.associatedData());
                } catch (GeneralSecurityException second) {
                    // falls through to the alarm
                }
            }
            log.error("SECURITY ALARM: the encrypted value of {} failed to decrypt; it was changed, moved from another row"
                    + " or column, or its key is missing", context);
            alarms.accept(new CiphertextRejected(context.toString()));
            throw new TamperedCiphertextException(context.toString());
        }
    }
}
