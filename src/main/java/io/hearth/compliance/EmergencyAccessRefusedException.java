package io.hearth.compliance;

/** An emergency access or its review was refused; the message is for the person and never repeats what they typed. */
public class EmergencyAccessRefusedException extends RuntimeException {

    public EmergencyAccessRefusedException(String message) {
        super(message);
    }
}
