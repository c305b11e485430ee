package io.hearth.messaging.internal;

/** A message that cannot be sent as it is; the key names the message for the sender (messages.properties). */
public class MessageRejectedException extends RuntimeException {

    private final String key;

    MessageRejectedException(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
