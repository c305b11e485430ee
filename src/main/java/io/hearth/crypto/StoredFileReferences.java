package io.hearth.crypto;

/**
 * Implemented, as a bean, by the module that owns the files of one purpose, so the start-up sweep knows which stored
 * files are still wanted. Files of a purpose no bean claims are kept (and reported), never deleted.
 */
public interface StoredFileReferences {

    /** The purpose passed to {@link EncryptedFiles#store}. */
    String purpose();

    /** Whether a record still points at this file id. */
    boolean references(String fileId);
}
