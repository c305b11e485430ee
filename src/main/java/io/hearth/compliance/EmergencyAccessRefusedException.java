package io.hearth.compliance;

import io.hearth.system.Refusal;
import org.springframework.http.HttpStatus;

/** An emergency access or its review was refused; the text (by its key) is for the person and never repeats what they typed. */
public class EmergencyAccessRefusedException extends Refusal {

    /** A refusal of the form (400) with this message key and its arguments. */
    public EmergencyAccessRefusedException(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }
}
