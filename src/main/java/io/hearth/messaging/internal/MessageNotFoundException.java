package io.hearth.messaging.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such thread or attachment for this person (whether it does not exist or is someone else's): 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MessageNotFoundException extends RuntimeException {

    MessageNotFoundException() {
        super("Not found");
    }
}
