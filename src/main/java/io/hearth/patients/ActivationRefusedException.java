package io.hearth.patients;

import io.hearth.system.Refusal;
import org.springframework.http.HttpStatus;

/** A refused activation step; the text (by its key) is written for the person in front of the form and holds no PHI. */
public class ActivationRefusedException extends Refusal {

    /** A refusal of the form (400) with this message key and its arguments. */
    public ActivationRefusedException(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }
}
