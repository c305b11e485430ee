package io.hearth.crypto;

import java.io.IOException;

/**
 * Writing a stored file failed on the server's side (disk full, folder not writable), as opposed to reading what was to
 * be stored. Nothing of the file is left behind; the caller can tell the person to try again later.
 */
public class StorageFailedException extends IOException {

    public StorageFailedException(IOException cause) {
        super("the file could not be written: " + cause.getClass().getSimpleName(), cause);
    }
}
