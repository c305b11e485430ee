package io.hearth.medications.internal;

/**
 * A renewal request or decision was refused; {@link #key()} is the message that says why (never PHI), {@link #status()}
 * 400 for input to correct, 409 for the state of the request or medication.
 */
public class RenewalRefusedException extends RuntimeException {

    private final String key;
    private final int status;

    private RenewalRefusedException(String key, int status) {
        super(key, null, false, false);
        this.key = key;
        this.status = status;
    }

    static RenewalRefusedException invalid(String key) {
        return new RenewalRefusedException(key, 400);
    }

    static RenewalRefusedException conflict(String key) {
        return new RenewalRefusedException(key, 409);
    }

    public String key() {
        return key;
    }

    public int status() {
        return status;
    }
}
