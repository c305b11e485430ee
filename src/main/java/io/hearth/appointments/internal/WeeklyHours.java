package io.hearth.appointments.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A provider's regular hours at a location on one day of the week, in the practice's local time. */
public record WeeklyHours(UUID id, UUID practitionerId, UUID locationId, DayOfWeek day, LocalTime starts, LocalTime ends) {
}
