package io.hearth.crypto.internal;

/** The master key cannot be opened or made; the message tells the operator what to do and never contains secrets. */
class MasterKeyUnavailableException extends IllegalStateException {

    MasterKeyUnavailableException(String message) {
        super(message);
    }

    MasterKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
