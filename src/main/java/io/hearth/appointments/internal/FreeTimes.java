package io.hearth.appointments.internal;

import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A provider's free times and working windows, read from the set-up and the claims. */
@Component
class FreeTimes {

    private final SetupStore setup;
    private final AppointmentStore appointments;
    private final AppointmentsProperties settings;
    private final ZoneId zone;

    FreeTimes(SetupStore setup, AppointmentStore appointments, AppointmentsProperties settings, HearthProperties hearth) {
        this.setup = setup;
        this.appointments = appointments;
        this.settings = settings;
        this.zone = hearth.timeZone();
    }

    ZoneId zone() {
        return zone;
    }

    Availability availability(UUID practitioner, LocalDate from, LocalDate to) {
        return Availability.of(setup.hours(practitioner), setup.timeOff(List.of(practitioner), from, to), from, to, zone, settings.slotUnit());
    }

    /** Free times of this type's length from {@code from} to {@code to} (local days), after {@code notBefore}. */
    List<Availability.Slot> free(UUID practitioner, AppointmentType type, UUID location, LocalDate from, LocalDate to, Instant notBefore) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Set<Instant> claimed = appointments.claimedUnits(practitioner, start, end);
        return availability(practitioner, from, to).freeSlots(type.length(), notBefore, location, claimed);
    }

    /** The working window an appointment from start to end fits in, or null when it is outside the provider's hours. */
    Availability.Window windowFor(UUID practitioner, Instant start, Instant end) {
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last = end.atZone(zone).toLocalDate();
        return availability(practitioner, first, last).windowFor(start, end);
    }

    /** Whether any unit of that time is claimed. */
    boolean taken(UUID practitioner, Instant start, Instant end) {
        return !appointments.claimedUnits(practitioner, start, end).isEmpty();
    }

    List<Instant> units(Instant start, Instant end) {
        return Availability.unitsOf(start, end, settings.slotUnit());
    }
}
