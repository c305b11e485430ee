package io.hearth.medications.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such medication or request for this person (whether it does not exist or is someone else's): 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RenewalNotFoundException extends RuntimeException {

    RenewalNotFoundException() {
        super("not found", null, false, false);
    }
}
