package io.hearth.patients;

/** A refused activation step; the message is written for the person in front of the form and holds no PHI. */
public class ActivationRefusedException extends RuntimeException {

    public ActivationRefusedException(String message) {
        super(message);
    }
}
