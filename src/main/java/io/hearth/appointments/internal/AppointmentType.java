package io.hearth.appointments.internal;

import java.time.Duration;
import java.util.UUID;

/**
 * A kind of appointment and its booking rules.
 *
 * @param newPatients may be booked with any provider (a first visit); other types only with the patient's care team
 * @param horizonDays how far ahead patients may book
 * @param cancelCutoffHours patients may not cancel or move an appointment later than this before it starts
 */
public record AppointmentType(UUID id, String name, int minutes, Booking booking, boolean newPatients, int horizonDays,
        int cancelCutoffHours, boolean active) {

    public Duration length() {
        return Duration.ofMinutes(minutes);
    }

    public Duration cancelCutoff() {
        return Duration.ofHours(cancelCutoffHours);
    }
}
