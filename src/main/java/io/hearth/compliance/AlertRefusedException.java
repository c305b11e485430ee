package io.hearth.compliance;

import io.hearth.system.Refusal;
import org.springframework.http.HttpStatus;

/** Closing an alert was refused; the text (by its key) is for the officer and never repeats what they typed. */
public class AlertRefusedException extends Refusal {

    /** A refusal of the form (400) with this message key and its arguments. */
    public AlertRefusedException(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }
}
