package io.hearth.appointments.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Caller;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's scheduling set-up, changed by front desk staff and administrators: locations, appointment types, and
 * each provider's weekly hours and time off. Every rule a value must meet is checked here, and a refusal names it.
 */
@Service
public class PracticeSetup {

    private final SetupStore store;
    private final AppointmentStore appointments;
    private final Providers providers;
    private final AuditLog audit;
    private final AppointmentsProperties settings;
    private final java.time.ZoneId zone;

    PracticeSetup(SetupStore store, AppointmentStore appointments, Providers providers, AuditLog audit, AppointmentsProperties settings,
            io.hearth.system.HearthProperties hearth) {
        this.appointments = appointments;
        this.zone = hearth.timeZone();
        this.store = store;
        this.providers = providers;
        this.audit = audit;
        this.settings = settings;
    }

    public List<Location> locations() {
        return store.locations();
    }

    public List<AppointmentType> types() {
        return store.types();
    }

    public Map<UUID, String> providers() {
        return providers.names();
    }

    public List<WeeklyHours> hours(UUID practitioner) {
        return store.hours(practitioner);
    }

    public List<TimeOff> timeOff(UUID practitioner, LocalDate from) {
        return store.timeOff(List.of(practitioner), from, from.plusYears(2));
    }

    public long slotMinutes() {
        return settings.slotUnit().toMinutes();
    }

    @Transactional
    public UUID saveLocation(Caller who, UUID id, String name, String address, boolean active) {
        String named = required(name, 120, "appointments.setup.refused.name");
        String where = address == null || address.isBlank() ? null : address.strip();
        if (where != null && where.length() > 300) {
            throw new BookingRefusedException("appointments.setup.refused.address");
        }
        UUID saved = id == null ? UUID.randomUUID() : store.location(id).map(Location::id).orElseThrow(AppointmentNotFoundException::new);
        store.save(new Location(saved, named, where, active));
        changed(who, "location", saved);
        return saved;
    }

    @Transactional
    public UUID saveType(Caller who, UUID id, String name, int minutes, Booking booking, boolean newPatients, int horizonDays, int cutoffHours,
            boolean active) {
        String named = required(name, 120, "appointments.setup.refused.name");
        if (minutes < 5 || minutes > 480 || minutes % slotMinutes() != 0) {
            throw new BookingRefusedException("appointments.setup.refused.minutes", slotMinutes());
        }
        if (horizonDays < 1 || horizonDays > 730) {
            throw new BookingRefusedException("appointments.setup.refused.horizon");
        }
        if (cutoffHours < 0 || cutoffHours > 720) {
            throw new BookingRefusedException("appointments.setup.refused.cutoff");
        }
        if (booking == null) {
            throw new BookingRefusedException("appointments.setup.refused.booking");
        }
        UUID saved = id == null ? UUID.randomUUID() : store.type(id).map(AppointmentType::id).orElseThrow(AppointmentNotFoundException::new);
        store.save(new AppointmentType(saved, named, minutes, booking, newPatients, horizonDays, cutoffHours, active));
        changed(who, "appointment-type", saved);
        return saved;
    }

    @Transactional
    public UUID addHours(Caller who, UUID practitioner, UUID location, DayOfWeek day, LocalTime starts, LocalTime ends) {
        requireProvider(practitioner);
        if (location == null || store.location(location).filter(Location::active).isEmpty()) {
            throw new BookingRefusedException("appointments.setup.refused.location");
        }
        requireTimes(day != null, starts, ends);
        boolean overlaps = store.hours(practitioner).stream()
                .anyMatch(h -> h.day() == day && h.starts().isBefore(ends) && starts.isBefore(h.ends()));
        if (overlaps) {
            throw new BookingRefusedException("appointments.setup.refused.overlap");
        }
        UUID id = UUID.randomUUID();
        store.add(new WeeklyHours(id, practitioner, location, day, starts, ends));
        changed(who, "weekly-hours", id);
        return id;
    }

    @Transactional
    public void removeHours(Caller who, UUID practitioner, UUID id) {
        if (!store.removeHours(practitioner, id)) {
            throw new AppointmentNotFoundException();
        }
        changed(who, "weekly-hours", id);
    }

    @Transactional
    public UUID addTimeOff(Caller who, UUID practitioner, LocalDate first, LocalDate last, LocalTime starts, LocalTime ends, String reason) {
        requireProvider(practitioner);
        String why = required(reason, 120, "appointments.setup.refused.reason");
        LocalDate until = last == null ? first : last;
        if (first == null || until.isBefore(first)) {
            throw new BookingRefusedException("appointments.setup.refused.days");
        }
        if (starts != null || ends != null) {
            if (!until.equals(first)) {
                throw new BookingRefusedException("appointments.setup.refused.partOfOneDay");
            }
            requireTimes(true, starts, ends);
        }
        UUID id = UUID.randomUUID();
        store.add(new TimeOff(id, practitioner, first, until, starts, ends, why));
        changed(who, "time-off", id);
        return id;
    }

    /**
     * How many booked appointments of the provider fall in this time off: adding it frees no one's time by itself, so
     * the page asks staff to move or cancel them (with a reason the patient sees).
     */
    public long bookedDuring(UUID practitioner, LocalDate first, LocalDate last, LocalTime starts, LocalTime ends) {
        LocalDate until = last == null ? first : last;
        java.time.Instant from = (starts == null ? first.atStartOfDay(zone) : first.atTime(starts).atZone(zone)).toInstant();
        java.time.Instant to = (ends == null ? until.plusDays(1).atStartOfDay(zone) : until.atTime(ends).atZone(zone)).toInstant();
        return appointments.ofPractitioners(List.of(practitioner), from, to).stream().filter(Appointment::holdsTime).count();
    }

    @Transactional
    public void removeTimeOff(Caller who, UUID practitioner, UUID id) {
        if (!store.removeTimeOff(practitioner, id)) {
            throw new AppointmentNotFoundException();
        }
        changed(who, "time-off", id);
    }

    private void requireProvider(UUID practitioner) {
        if (practitioner == null || !providers.names().containsKey(practitioner)) {
            throw new BookingRefusedException("appointments.setup.refused.provider");
        }
    }

    private void requireTimes(boolean dayGiven, LocalTime starts, LocalTime ends) {
        if (!dayGiven || starts == null || ends == null || !ends.isAfter(starts)) {
            throw new BookingRefusedException("appointments.setup.refused.times");
        }
        if (starts.toSecondOfDay() % (slotMinutes() * 60) != 0 || ends.toSecondOfDay() % (slotMinutes() * 60) != 0) {
            throw new BookingRefusedException("appointments.setup.refused.grain", slotMinutes());
        }
    }

    private static String required(String value, int max, String key) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new BookingRefusedException(key, max);
        }
        return stripped;
    }

    private void changed(Caller who, String what, UUID id) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(who.actor()).object(what, id)
                .because("appointment set-up changed"));
    }
}
