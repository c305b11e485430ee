package io.hearth.crypto;

import java.io.IOException;
import java.io.InputStream;

/**
 * Files (attachments, imports) kept encrypted with Tink streaming AEAD (AES-256-GCM-HKDF, 1 MB segments) under
 * {@code ${hearth.data-dir}/files}. Ids are random and bound into the ciphertext, so a file renamed to another id
 * no longer decrypts. The owning module keeps the id in its own table and registers a {@link StoredFileReferences}
 * bean for its purpose; files no module claims are removed an hour after they were written.
 */
public interface EncryptedFiles {

    /**
     * Encrypts the stream to disk; the file exists once this returns (written to a temporary file, forced to disk,
     * then renamed).
     *
     * @param purpose lower-case letters, digits and dashes, at most 32 characters; never user input
     */
    StoredFile store(InputStream plaintext, String purpose) throws IOException;

    /**
     * The decrypted content. Reading throws {@link TamperedCiphertextException} when the file was changed or moved.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    InputStream open(String id) throws IOException;

    /** Removes the file; does nothing when it is already gone. */
    void delete(String id) throws IOException;
}
