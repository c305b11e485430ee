package io.hearth.crypto;

import java.util.Map;

/**
 * What key rotation counts and rewrites. Every declared {@link EncryptedColumn} is one already; register a bean
 * only for encrypted values of another shape (or outside the application's classes). For a plain column
 * {@link ColumnReencryption} is all that is needed; otherwise use {@link FieldCipher#keyIdOf(byte[])} to tell which key a value is under and {@link FieldCipher#reencrypt} to move
 * it to the current primary key.
 */
public interface ReencryptionTarget {

    /** A short name for progress reports, e.g. {@code patient.name}. */
    String name();

    /** How many stored values are under each key id (null values are not counted). */
    Map<Integer, Long> countByKeyId();

    /**
     * Re-encrypts, in one transaction, up to {@code batchSize} values that are not under {@code primaryKeyId}.
     *
     * @return how many values were rewritten; 0 when none are left
     */
    int reencryptBatch(int primaryKeyId, int batchSize);
}
