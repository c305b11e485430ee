package io.hearth.appointments.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.records.CareTeams;
import io.hearth.records.PatientIdentities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What the appointment pages read: a patient's appointments and what they may book, free times, a staff schedule, the
 * requests waiting for staff, and patients staff may book for. Each read of PHI is audited with the patient as the
 * subject (one entry per patient shown).
 */
@Service
public class Schedules {

    /** A type a patient may book, with the providers they may book it with. */
    public record Choice(AppointmentType type, Map<UUID, String> providers) {
    }

    /** One day's free times. */
    public record Day(LocalDate date, List<java.time.ZonedDateTime> starts) {
    }

    private final AppointmentStore store;
    private final SetupStore setup;
    private final FreeTimes times;
    private final AppointmentAccess access;
    private final CareTeams careTeams;
    private final PatientIdentities patients;
    private final Providers providers;
    private final WaitList waitList;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Schedules(AppointmentStore store, SetupStore setup, FreeTimes times, AppointmentAccess access, CareTeams careTeams, PatientIdentities patients,
            Providers providers, WaitList waitList, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.store = store;
        this.setup = setup;
        this.times = times;
        this.access = access;
        this.careTeams = careTeams;
        this.patients = patients;
        this.providers = providers;
        this.waitList = waitList;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public ZoneId zone() {
        return times.zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** The patient's appointments, newest first. */
    public List<AppointmentView> ofPatient(Caller patient) {
        if (!patient.isPatient()) {
            return List.of();
        }
        List<AppointmentView> views = views(store.ofPatient(patient.patientId()), id -> null, true);
        viewed(patient, patient.patientId(), "appointments", patient.patientId());
        return views;
    }

    /** One appointment the person may see (404 audited otherwise). */
    public AppointmentView one(Caller who, UUID id) {
        Appointment appointment = access.require(who, store.find(id).orElse(null), id);
        Map<UUID, String> names = who.isPatient() ? Map.of() : names(Set.of(appointment.patientId));
        AppointmentView view = views(List.of(appointment), whose -> who.isPatient() ? null : names.getOrDefault(whose, "—"), who.isPatient()).get(0);
        viewed(who, appointment.patientId, "appointment", id);
        return view;
    }

    /** The types a patient may book and with whom: new-patient types with any provider, others with their care team. */
    public List<Choice> choices(Caller who, UUID patient) {
        Map<UUID, String> all = providers.names();
        Set<UUID> withHours = new LinkedHashSet<>(setup.practitionersWithHours());
        Set<UUID> team = careTeams.careTeamOf(patient).stream().map(CareTeams.CareTeamMember::practitionerId).collect(Collectors.toSet());
        List<Choice> choices = new ArrayList<>();
        for (AppointmentType type : setup.types()) {
            if (!type.active()) {
                continue;
            }
            Map<UUID, String> allowed = new LinkedHashMap<>();
            all.forEach((id, name) -> {
                if (withHours.contains(id) && (type.newPatients() || !who.isPatient() || team.contains(id))) {
                    allowed.put(id, name);
                }
            });
            if (!allowed.isEmpty()) {
                choices.add(new Choice(type, allowed));
            }
        }
        return choices;
    }

    /**
     * Free times for a type with a provider over the week from {@code from}; for patients only within the type's horizon
     * and with a provider they may book.
     */
    public List<Day> freeWeek(Caller who, UUID patient, UUID typeId, UUID practitioner, LocalDate from) {
        AppointmentType type = setup.type(typeId).filter(AppointmentType::active).orElseThrow(() -> new BookingRefusedException("appointments.refused.type"));
        boolean allowed = choices(who, patient).stream().anyMatch(c -> c.type().id().equals(typeId) && c.providers().containsKey(practitioner));
        if (!allowed) {
            throw new BookingRefusedException(who.isPatient() && !type.newPatients() ? "appointments.refused.notCareTeam" : "appointments.refused.unavailable");
        }
        Instant now = clock.instant();
        LocalDate to = from.plusDays(6);
        List<Availability.Slot> slots = times.free(practitioner, type, null, from, to, now);
        Instant horizon = now.plus(Duration.ofDays(type.horizonDays()));
        Map<LocalDate, List<java.time.ZonedDateTime>> byDay = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.put(day, new ArrayList<>());
        }
        for (Availability.Slot slot : slots) {
            if (who.isPatient() && slot.start().isAfter(horizon)) {
                continue;
            }
            java.time.ZonedDateTime local = slot.start().atZone(zone());
            byDay.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()).add(local);
        }
        return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    /**
     * Appointments of one provider (or all) at one location (or all) over some days. Whose appointment it is shows only
     * where the reader may see it; other appointments show as busy time.
     */
    public List<AppointmentView> schedule(Caller staff, UUID practitioner, UUID location, LocalDate from, LocalDate to) {
        Map<UUID, String> providerNames = providers.names();
        List<UUID> whose = practitioner != null ? List.of(practitioner) : List.copyOf(providerNames.keySet());
        List<Appointment> found = store.ofPractitioners(whose, from.atStartOfDay(zone()).toInstant(), to.plusDays(1).atStartOfDay(zone()).toInstant())
                .stream().filter(a -> location == null || location.equals(a.locationId)).toList();
        Set<UUID> visible = found.stream().filter(a -> access.staffMaySee(staff, a.patientId, a.practitionerId)).map(a -> a.patientId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UUID, String> names = names(visible);
        List<AppointmentView> views = views(found, id -> visible.contains(id) ? names.getOrDefault(id, "—") : null, false, providerNames);
        visible.forEach(patient -> viewed(staff, patient, "schedule", patient));
        return views;
    }

    /** Requests and proposals the staff member may answer, oldest first. */
    public List<AppointmentView> pending(Caller staff) {
        List<Appointment> found = store.pending(List.of(AppointmentStatus.REQUESTED, AppointmentStatus.PROPOSED)).stream()
                .filter(a -> access.staffMaySee(staff, a.patientId, a.practitionerId)).toList();
        Set<UUID> whose = found.stream().map(a -> a.patientId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<UUID, String> names = names(whose);
        whose.forEach(patient -> viewed(staff, patient, "appointment-requests", patient));
        return views(found, id -> names.getOrDefault(id, "—"), false);
    }

    /** Patients a staff member may book for, found by name or date of birth (clinicians: their care team only). */
    public List<PatientIdentities.PatientMatch> findPatients(Caller staff, String typed) {
        if (!schedulesForOthers(staff) || typed == null || typed.isBlank()) {
            return List.of();
        }
        List<PatientIdentities.PatientMatch> found = patients.search(typed, 50).stream()
                .filter(p -> access.staffMaySee(staff, p.id(), null)).limit(20).toList();
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(staff.actor()).object("patient-search", null)
                .because("found " + found.size() + " patients"));
        return found;
    }

    /** The patient's name as a staff member who may book for them sees it; 404 audited for others. */
    public String patientName(Caller staff, UUID patient) {
        var identity = schedulesForOthers(staff) && access.staffMaySee(staff, patient, null) ? patients.of(patient) : java.util.Optional.<PatientIdentities.PatientIdentity>empty();
        if (identity.isEmpty()) {
            access.require(staff, null, patient);
        }
        viewed(staff, patient, "patient-name", patient);
        return identity.get().name();
    }

    private Map<UUID, String> names(Set<UUID> whose) {
        Map<UUID, String> names = new HashMap<>();
        whose.forEach(id -> patients.of(id).ifPresent(p -> names.put(id, p.name())));
        return names;
    }

    private List<AppointmentView> views(List<Appointment> found, Function<UUID, String> patientName, boolean patientReader) {
        return views(found, patientName, patientReader, providers.names());
    }

    private List<AppointmentView> views(List<Appointment> found, Function<UUID, String> patientName, boolean patientReader,
            Map<UUID, String> providerNames) {
        Map<UUID, AppointmentType> types = setup.types().stream().collect(Collectors.toMap(AppointmentType::id, t -> t));
        Map<UUID, Location> locations = setup.locations().stream().collect(Collectors.toMap(Location::id, l -> l));
        Set<UUID> waiting = waitList.waitingAmong(found.stream().filter(a -> a.status == AppointmentStatus.BOOKED).map(a -> a.id).toList());
        Instant now = clock.instant();
        return found.stream().sorted(Comparator.comparing((Appointment a) -> a.startsAt)).map(a -> {
            String name = patientName.apply(a.patientId);
            boolean details = name != null || patientReader;
            AppointmentType type = types.get(a.typeId);
            Location place = locations.get(a.locationId);
            boolean past = !a.status.upcomingForPatient() || !a.endsAt.isAfter(now);
            boolean changeable = !past && a.status != AppointmentStatus.CHECKED_IN
                    && (a.status != AppointmentStatus.BOOKED || !now.plus(type.cancelCutoff()).isAfter(a.startsAt));
            return new AppointmentView(a.id, details ? a.patientId : null, name, a.typeId, type.name(), type.booking(), a.practitionerId,
                    providerNames.getOrDefault(a.practitionerId, "—"), place.name(), place.address(), a.startsAt.atZone(zone()), a.endsAt.atZone(zone()),
                    a.status, a.reasonCiphertext == null || !details ? null : cipher.decrypt(a.reasonCiphertext, Appointment.REASON.at(a.id)),
                    a.cancelReasonCiphertext == null || !details ? null : cipher.decrypt(a.cancelReasonCiphertext, Appointment.CANCEL_REASON.at(a.id)),
                    a.cancelledBy == Appointment.CancelledBy.PRACTICE, past, changeable, waiting.contains(a.id));
        }).toList();
    }

    private void viewed(Caller who, UUID patient, String what, Object id) {
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(who.actor()).patient(patient).object(what, id));
    }

    /** Front desk staff, providers and nurses book and look up appointments for patients. */
    private static boolean schedulesForOthers(Caller staff) {
        return !staff.isPatient() && (staff.holds(io.hearth.identity.Role.FRONT_DESK) || staff.isClinician());
    }
}
