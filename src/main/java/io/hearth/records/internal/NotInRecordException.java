package io.hearth.records.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record asked for is not there for this person: another patient's, outside the caller's care team, not released
 * yet, or no such id. Always a plain 404, so nobody learns which; the attempt is audited where it is refused.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotInRecordException extends RuntimeException {

    NotInRecordException() {
        super("not found", null, false, false);
    }
}
