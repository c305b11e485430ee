package io.hearth.appointments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appointment settings ({@code hearth.appointments.*}, documented in application.yml and README.md).
 *
 * @param slotUnit the grain of the schedule: hours, time off and appointment lengths are multiples of it, and a booking
 *     claims each unit it covers (the database refuses a second claim)
 * @param reminderLead how long before an appointment its reminder goes out
 * @param reminderCheckInterval how often due reminders and expired wait-list offers are looked for
 * @param offerValidity how long a wait-list offer of an earlier time stays open
 * @param maxReasonLength longest reason for a visit or a cancellation, in characters
 * @param maxUpcomingPerPatient most upcoming appointments and requests a patient may hold online (staff may book more),
 *     so one account cannot take a provider's whole week
 */
@ConfigurationProperties("hearth.appointments")
public record AppointmentsProperties(
        @DefaultValue("15m") Duration slotUnit,
        @DefaultValue("24h") Duration reminderLead,
        @DefaultValue("60s") Duration reminderCheckInterval,
        @DefaultValue("4h") Duration offerValidity,
        @DefaultValue("500") int maxReasonLength,
        @DefaultValue("5") int maxUpcomingPerPatient) {

    public AppointmentsProperties {
        if (slotUnit.isNegative() || slotUnit.isZero() || slotUnit.toSeconds() % 60 != 0 || Duration.ofHours(1).toSeconds() % slotUnit.toSeconds() != 0) {
            throw new IllegalArgumentException("hearth.appointments.slot-unit must be a whole number of minutes that divides an hour");
        }
    }
}
