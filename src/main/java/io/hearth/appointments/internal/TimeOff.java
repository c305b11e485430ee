package io.hearth.appointments.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A holiday or time off: whole days, or (with {@code starts} and {@code ends}) part of one day, in local time. */
public record TimeOff(UUID id, UUID practitionerId, LocalDate firstDay, LocalDate lastDay, LocalTime starts, LocalTime ends, String reason) {

    boolean wholeDays() {
        return starts == null;
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
