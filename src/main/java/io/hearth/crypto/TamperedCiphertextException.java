package io.hearth.crypto;

/**
 * A ciphertext failed authentication: it was changed, moved to another row, column or file id, or the key it was made
 * with is no longer in the keyset. The message names where the value lives, never its content.
 */
public class TamperedCiphertextException extends RuntimeException {

    public TamperedCiphertextException(String where) {
        super("The encrypted value of " + where + " failed to decrypt: it was changed, moved from elsewhere, or its key is missing");
    }
}
