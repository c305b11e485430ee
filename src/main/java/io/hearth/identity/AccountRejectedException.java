package io.hearth.identity;

/** An account could not be created or changed; the message is safe to show to the person who asked. */
public class AccountRejectedException extends RuntimeException {

    public AccountRejectedException(String message) {
        super(message);
    }
}
