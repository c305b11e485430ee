package io.hearth.compliance;

/** Closing an alert was refused; the message is for the officer and never repeats what they typed. */
public class AlertRefusedException extends RuntimeException {

    public AlertRefusedException(String message) {
        super(message);
    }
}
