package io.hearth.crypto;

import java.util.List;

/** Key rotation: new primary keys, status, and moving old field values to the new key. */
public interface KeyRotation {

    /**
     * Adds a new primary key to the field and file keysets; old keys stay so existing data still decrypts. The
     * blind-index keyset is left alone (see {@link BlindIndex}).
     */
    List<KeysetStatus> rotate();

    List<KeysetStatus> status();

    /**
     * The names of everything re-encryption reaches ({@code table.column}): every {@link EncryptedColumn} the
     * application declares, and any other registered {@link ReencryptionTarget}.
     */
    List<String> targets();

    /**
     * Rewrites every field value that is not under the current primary key, batch by batch (each batch one transaction, so a run that is stopped resumes where it stopped), through the registered
     * {@link ReencryptionTarget}s.
     *
     * @return how many values were rewritten
     */
    long reencrypt(Progress progress);

    @FunctionalInterface
    interface Progress {

        void update(long done, long total);
    }
}
