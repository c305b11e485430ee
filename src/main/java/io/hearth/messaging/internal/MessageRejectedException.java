package io.hearth.messaging.internal;

/** A message that cannot be sent as it is; the key names the message for the sender (messages.properties). */
public class MessageRejectedException extends RuntimeException {

    private final String key;
    private final int status;

    MessageRejectedException(String key) {
        this(key, 400);
    }

    MessageRejectedException(String key, int status) {
        super(key);
        this.key = key;
        this.status = status;
    }

    public String key() {
        return key;
    }

    /** The HTTP status to answer with: 400, or 413 when the patient's attachment quota has no room for the files. */
    public int status() {
        return status;
    }
}
