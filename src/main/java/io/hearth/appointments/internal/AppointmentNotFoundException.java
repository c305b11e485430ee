package io.hearth.appointments.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Not there for this person (another patient's, outside a clinician's care team, or no such id): a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AppointmentNotFoundException extends RuntimeException {

    AppointmentNotFoundException() {
        super("not found", null, false, false);
    }
}
