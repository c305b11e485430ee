package io.hearth.appointments.internal;

/**
 * A booking, cancellation or change the rules do not allow; {@link #key} names the message shown (never PHI), and
 * {@link #args} fill it in.
 */
public class BookingRefusedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public BookingRefusedException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
