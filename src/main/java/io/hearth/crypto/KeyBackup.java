package io.hearth.crypto;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Exports the key material a database backup needs to be readable again: the keysets (encrypted under the master
 * key) and the master key source's own files (the passphrase-wrapped master key). Never plaintext keys; the
 * passphrase is not included and must be kept separately.
 */
public interface KeyBackup {

    /** Writes a zip file readable by the owner only; refuses to overwrite an existing file. */
    void export(Path zipFile) throws IOException;
}
