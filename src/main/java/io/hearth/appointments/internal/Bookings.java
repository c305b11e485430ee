package io.hearth.appointments.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.notifications.NoticeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to an appointment: booking (by the patient or for them by staff), moving, cancelling, approving a
 * request or accepting a proposal, proposing another time, check-in and no-show. Each checks the rules, changes the
 * appointment and its slot claims in one transaction, and audits; a claim refused by the database (someone else was
 * faster) becomes "that time was just taken". Staff changes send the patient a notice without details.
 */
@Service
public class Bookings {

    private final AppointmentStore store;
    private final SetupStore setup;
    private final FreeTimes times;
    private final AppointmentAccess access;
    private final Providers providers;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final AppointmentNotices notices;
    private final WaitList waitList;
    private final TransactionTemplate transaction;
    private final AppointmentsProperties settings;
    private final Clock clock;

    Bookings(AppointmentStore store, SetupStore setup, FreeTimes times, AppointmentAccess access, Providers providers,
            FieldCipher cipher, AuditLog audit, AppointmentNotices notices, WaitList waitList, TransactionTemplate transaction,
            AppointmentsProperties settings, Clock clock) {
        this.store = store;
        this.setup = setup;
        this.times = times;
        this.access = access;
        this.providers = providers;
        this.cipher = cipher;
        this.audit = audit;
        this.notices = notices;
        this.waitList = waitList;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Books (or, for a type patients may only request, requests) an appointment. Patients book for themselves; staff
     * for any patient they may see, always as a booking.
     *
     * @return the new appointment's id
     * @throws BookingRefusedException naming the rule that refuses it
     */
    public UUID book(Caller who, UUID patient, UUID typeId, UUID practitioner, Instant start, String reason) {
        if (!who.isPatient() && !access.staffMaySee(who, patient, practitioner)) {
            access.require(who, null, patient);
        }
        AppointmentType type = setup.type(typeId).filter(AppointmentType::active).orElseThrow(() -> new BookingRefusedException("appointments.refused.type"));
        if (who.isPatient() && !type.newPatients() && !access.inCareTeam(practitioner, patient)) {
            throw new BookingRefusedException("appointments.refused.notCareTeam");
        }
        if (!providers.names().containsKey(practitioner)) {
            throw new BookingRefusedException("appointments.refused.unavailable");
        }
        Instant now = clock.instant();
        Instant end = start.plus(type.length());
        Availability.Window window = checkTime(who, type, practitioner, start, end, now);
        String why = reason == null ? "" : reason.strip();
        if (why.length() > settings.maxReasonLength()) {
            throw new BookingRefusedException("appointments.refused.reasonLength", settings.maxReasonLength());
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), patient, practitioner, type.id(), who.username(), now);
        appointment.locationId = window.locationId();
        appointment.startsAt = start;
        appointment.endsAt = end;
        appointment.status = who.isPatient() && type.booking() == Booking.REQUEST ? AppointmentStatus.REQUESTED : AppointmentStatus.BOOKED;
        if (!why.isEmpty()) {
            appointment.reasonCiphertext = cipher.encrypt(why, Appointment.REASON.at(appointment.id));
        }
        claiming(who, appointment, "booked", () -> {
            if (who.isPatient()) {
                // counted under the patient's lock, in the transaction that inserts: simultaneous bookings cannot all pass
                store.lockPatient(patient);
                if (store.upcomingOf(patient, now) >= settings.maxUpcomingPerPatient()) {
                    throw new BookingRefusedException("appointments.refused.tooMany", settings.maxUpcomingPerPatient());
                }
            }
            store.insert(appointment);
            if (appointment.holdsTime()) {
                store.claim(appointment, times.units(start, end));
            }
            toldIfStaff(who, appointment);
        });
        return appointment.id;
    }

    /** Moves an appointment (or a request) to another time with the same provider and type. */
    public void move(Caller who, UUID id, Instant start) {
        Appointment appointment = access.require(who, store.find(id).orElse(null), id);
        AppointmentType type = setup.type(appointment.typeId).orElseThrow();
        Instant now = clock.instant();
        if (who.isPatient()) {
            appointment.requireChangeableByPatient(type, now);
        } else if (appointment.status != AppointmentStatus.BOOKED && appointment.status != AppointmentStatus.REQUESTED
                && appointment.status != AppointmentStatus.PROPOSED) {
            throw new BookingRefusedException("appointments.refused.notChangeable");
        }
        Instant end = start.plus(type.length());
        Availability.Window window = checkTime(who, type, appointment.practitionerId, start, end, now);
        AppointmentStatus before = appointment.status;
        Instant freedStart = appointment.startsAt;
        Instant freedEnd = appointment.endsAt;
        boolean held = appointment.holdsTime();
        claiming(who, appointment, "moved", () -> {
            if (held) {
                store.release(appointment.id);
            }
            appointment.moveTo(start, end, window.locationId(), now);
            updated(appointment, before);
            if (held) {
                store.claim(appointment, times.units(start, end));
            }
            toldIfStaff(who, appointment);
        });
        if (held) {
            waitList.offerFreed(appointment.practitionerId, freedStart, freedEnd);
        }
    }

    /** Cancels (or withdraws a request). Staff must give a reason, which the patient sees. */
    public void cancel(Caller who, UUID id, String reason) {
        Appointment appointment = access.require(who, store.find(id).orElse(null), id);
        AppointmentType type = setup.type(appointment.typeId).orElseThrow();
        Instant now = clock.instant();
        String why = reason == null ? "" : reason.strip();
        if (who.isPatient()) {
            appointment.requireChangeableByPatient(type, now);
        } else if (why.isEmpty()) {
            throw new BookingRefusedException("appointments.refused.reasonRequired");
        }
        if (why.length() > settings.maxReasonLength()) {
            throw new BookingRefusedException("appointments.refused.reasonLength", settings.maxReasonLength());
        }
        AppointmentStatus before = appointment.status;
        boolean held = appointment.holdsTime();
        change(who, appointment, "cancelled", () -> {
            store.release(appointment.id);
            appointment.cancel(who.isPatient() ? Appointment.CancelledBy.PATIENT : Appointment.CancelledBy.PRACTICE, now);
            if (!who.isPatient()) {
                appointment.cancelReasonCiphertext = cipher.encrypt(why, Appointment.CANCEL_REASON.at(appointment.id));
            }
            updated(appointment, before);
            waitList.closeFor(appointment.id);
            toldIfStaff(who, appointment);
        });
        if (held && appointment.startsAt.isAfter(now)) {
            waitList.offerFreed(appointment.practitionerId, appointment.startsAt, appointment.endsAt);
        }
    }

    /** Staff approve a requested time; the patient accepts a time staff proposed. Either way it is booked now. */
    public void confirm(Caller who, UUID id) {
        Appointment appointment = access.require(who, store.find(id).orElse(null), id);
        AppointmentStatus expected = who.isPatient() ? AppointmentStatus.PROPOSED : AppointmentStatus.REQUESTED;
        if (appointment.status != expected) {
            throw new BookingRefusedException("appointments.refused.notPending");
        }
        Instant now = clock.instant();
        if (!appointment.startsAt.isAfter(now)) {
            throw new BookingRefusedException("appointments.refused.past");
        }
        claiming(who, appointment, "confirmed", () -> {
            appointment.confirm(now);
            updated(appointment, expected);
            store.claim(appointment, times.units(appointment.startsAt, appointment.endsAt));
            toldIfStaff(who, appointment);
        });
    }

    /** Staff propose another time for a request; the patient accepts or declines it. */
    public void propose(Caller staff, UUID id, Instant start) {
        Appointment appointment = access.require(staff, store.find(id).orElse(null), id);
        AppointmentType type = setup.type(appointment.typeId).orElseThrow();
        Instant now = clock.instant();
        Instant end = start.plus(type.length());
        Availability.Window window = checkTime(staff, type, appointment.practitionerId, start, end, now);
        if (times.taken(appointment.practitionerId, start, end)) {
            throw new BookingRefusedException("appointments.refused.taken");
        }
        AppointmentStatus before = appointment.status;
        change(staff, appointment, "proposed another time", () -> {
            appointment.propose(start, end, window.locationId(), now);
            updated(appointment, before);
            toldIfStaff(staff, appointment);
        });
    }

    public void checkIn(Caller staff, UUID id) {
        Appointment appointment = access.require(staff, store.find(id).orElse(null), id);
        AppointmentStatus before = appointment.status;
        change(staff, appointment, "checked in", () -> {
            appointment.checkIn(clock.instant());
            updated(appointment, before);
        });
    }

    /** Marks a missed appointment; its time is past, so nothing is freed for others. */
    public void noShow(Caller staff, UUID id) {
        Appointment appointment = access.require(staff, store.find(id).orElse(null), id);
        AppointmentStatus before = appointment.status;
        change(staff, appointment, "no-show", () -> {
            appointment.noShow(clock.instant());
            updated(appointment, before);
            store.release(appointment.id);
        });
    }

    /**
     * The time must be in the future, within the type's horizon for patients, and inside the provider's hours.
     *
     * @return the working window it falls in
     */
    private Availability.Window checkTime(Caller who, AppointmentType type, UUID practitioner, Instant start, Instant end, Instant now) {
        if (!start.isAfter(now)) {
            throw new BookingRefusedException("appointments.refused.past");
        }
        if (who.isPatient() && start.isAfter(now.plus(Duration.ofDays(type.horizonDays())))) {
            throw new BookingRefusedException("appointments.refused.horizon", type.horizonDays());
        }
        Availability.Window window = times.windowFor(practitioner, start, end);
        if (window == null) {
            throw new BookingRefusedException("appointments.refused.unavailable");
        }
        return window;
    }

    private void updated(Appointment appointment, AppointmentStatus before) {
        if (!store.update(appointment, before)) {
            throw new BookingRefusedException("appointments.refused.changed");
        }
    }

    private void toldIfStaff(Caller who, Appointment appointment) {
        if (!who.isPatient()) {
            notices.tell(appointment.patientId, NoticeType.APPOINTMENT_UPDATE, "/my/appointments/" + appointment.id);
        }
    }

    /** A change that claims time: the database refusing a claim means someone else took it first. */
    private void claiming(Caller who, Appointment appointment, String what, Runnable work) {
        try {
            change(who, appointment, what, work);
        } catch (DuplicateKeyException taken) {
            audit.record(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.FAILURE).by(who.actor()).patient(appointment.patientId)
                    .object("appointment", appointment.id).because("time already taken"));
            throw new BookingRefusedException("appointments.refused.taken");
        }
    }

    private void change(Caller who, Appointment appointment, String what, Runnable work) {
        transaction.executeWithoutResult(status -> {
            work.run();
            audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).by(who.actor()).patient(appointment.patientId)
                    .object("appointment", appointment.id).because(what));
        });
    }
}
