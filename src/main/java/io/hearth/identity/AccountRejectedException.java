package io.hearth.identity;

import io.hearth.system.Refusal;
import org.springframework.http.HttpStatus;

/** An account could not be created or changed; the text (by its key) is safe to show to the person who asked. */
public class AccountRejectedException extends Refusal {

    /** A refusal of the form (400) with this message key and its arguments. */
    public AccountRejectedException(String key, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, key, arguments);
    }
}
