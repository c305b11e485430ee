package io.hearth.appointments.internal;

import static io.hearth.appointments.internal.Rows.instant;
import static io.hearth.appointments.internal.Rows.utc;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Caller;
import io.hearth.notifications.NoticeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patients waiting for an earlier time with the same provider. When booked time frees up, every waiting patient whose
 * appointment is later and whose type fits there is offered it by notice; the first to accept is moved there (the slot
 * claim decides the race), the others find the offer taken.
 */
@Service
public class WaitList {

    /** An offer as the patient sees it. */
    public record Offer(UUID id, UUID appointmentId, Instant startsAt, Instant expiresAt, String status) {
    }

    private final JdbcClient jdbc;
    private final AppointmentStore store;
    private final SetupStore setup;
    private final FreeTimes times;
    private final AppointmentAccess access;
    private final AppointmentNotices notices;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final AppointmentsProperties settings;
    private final Clock clock;

    WaitList(JdbcClient jdbc, AppointmentStore store, SetupStore setup, FreeTimes times, AppointmentAccess access, AppointmentNotices notices,
            AuditLog audit, TransactionTemplate transaction, AppointmentsProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.setup = setup;
        this.times = times;
        this.access = access;
        this.notices = notices;
        this.audit = audit;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Puts the patient's booked appointment on the wait list; joining twice changes nothing. */
    public void join(Caller patient, UUID appointmentId) {
        Appointment appointment = access.require(patient, store.find(appointmentId).orElse(null), appointmentId);
        if (appointment.status != AppointmentStatus.BOOKED || !appointment.startsAt.isAfter(clock.instant())) {
            throw new BookingRefusedException("appointments.refused.notBooked");
        }
        transaction.executeWithoutResult(status -> {
            if (waiting(appointmentId)) {
                return;
            }
            jdbc.sql("INSERT INTO wait_list_entry (id, appointment_id, patient_id, joined_at, active) VALUES (?, ?, ?, ?, TRUE)")
                    .params(UUID.randomUUID(), appointmentId, appointment.patientId, utc(clock.instant())).update();
            audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).by(patient.actor()).patient(appointment.patientId)
                    .object("appointment", appointmentId).because("joined the wait list"));
        });
    }

    public void leave(Caller patient, UUID appointmentId) {
        Appointment appointment = access.require(patient, store.find(appointmentId).orElse(null), appointmentId);
        transaction.executeWithoutResult(status -> {
            closeFor(appointmentId);
            audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).by(patient.actor()).patient(appointment.patientId)
                    .object("appointment", appointmentId).because("left the wait list"));
        });
    }

    /** Which of these appointments are on the wait list (one query for a page of them). */
    java.util.Set<UUID> waitingAmong(java.util.Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT appointment_id FROM wait_list_entry WHERE active AND appointment_id IN (:ids)")
                .param("ids", appointmentIds).query(UUID.class).list());
    }

    boolean waiting(UUID appointmentId) {
        return jdbc.sql("SELECT count(*) FROM wait_list_entry WHERE appointment_id = ? AND active").param(appointmentId).query(Long.class).single() > 0;
    }

    /** Ends the wait of this appointment (it was cancelled, moved earlier, or the patient left the list). */
    void closeFor(UUID appointmentId) {
        jdbc.sql("UPDATE wait_list_offer SET status = 'EXPIRED' WHERE status = 'OPEN' AND entry_id IN (SELECT id FROM wait_list_entry WHERE appointment_id = ?)")
                .param(appointmentId).update();
        jdbc.sql("UPDATE wait_list_entry SET active = FALSE WHERE appointment_id = ? AND active").param(appointmentId).update();
    }

    /**
     * Offers freed time to everyone waiting for an earlier appointment with this provider whose type fits there (in the
     * provider's hours, unclaimed). Called after the freeing change committed.
     */
    void offerFreed(UUID practitioner, Instant start, Instant end) {
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return;
        }
        for (Appointment waiting : waitingLaterThan(practitioner, start)) {
            AppointmentType type = setup.type(waiting.typeId).orElseThrow();
            Instant offeredEnd = start.plus(type.length());
            if (times.windowFor(practitioner, start, offeredEnd) == null || times.taken(practitioner, start, offeredEnd)) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                UUID entry = jdbc.sql("SELECT id FROM wait_list_entry WHERE appointment_id = ? AND active").param(waiting.id).query(UUID.class).single();
                UUID offer = UUID.randomUUID();
                jdbc.sql("INSERT INTO wait_list_offer (id, entry_id, starts_at, offered_at, expires_at, status) VALUES (?, ?, ?, ?, ?, 'OPEN')")
                        .params(offer, entry, utc(start), utc(now), utc(now.plus(settings.offerValidity()))).update();
                notices.tell(waiting.patientId, NoticeType.APPOINTMENT_OFFER, "/my/appointments/offers/" + offer);
                audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(waiting.patientId)
                        .object("appointment", waiting.id).because("offered an earlier time"));
            });
        }
    }

    private List<Appointment> waitingLaterThan(UUID practitioner, Instant start) {
        return jdbc.sql("""
                SELECT e.appointment_id FROM wait_list_entry e JOIN appointment a ON a.id = e.appointment_id
                WHERE e.active AND a.status = 'BOOKED' AND a.practitioner_id = ? AND a.starts_at > ? ORDER BY e.joined_at""")
                .params(practitioner, utc(start)).query(UUID.class).list().stream().map(store::find).flatMap(Optional::stream).toList();
    }

    /** The patient's open offers, soonest first. */
    public List<Offer> openOffers(Caller patient) {
        return jdbc.sql("""
                SELECT o.*, e.appointment_id FROM wait_list_offer o JOIN wait_list_entry e ON e.id = o.entry_id
                WHERE e.patient_id = ? AND o.status = 'OPEN' AND o.expires_at > ? ORDER BY o.starts_at""")
                .params(patient.patientId(), utc(clock.instant())).query(WaitList::offer).list();
    }

    /** One of the patient's offers (any status), or 404 audited. */
    public Offer offer(Caller patient, UUID offerId) {
        Optional<Offer> found = jdbc.sql("""
                SELECT o.*, e.appointment_id FROM wait_list_offer o JOIN wait_list_entry e ON e.id = o.entry_id
                WHERE o.id = ? AND e.patient_id = ?""").params(offerId, patient.patientId()).query(WaitList::offer).optional();
        if (found.isEmpty()) {
            access.require(patient, null, offerId);
        }
        return found.orElseThrow();
    }

    /**
     * Moves the patient's appointment to the offered time. The first acceptance wins; a later one finds the time taken
     * and the offer marked so.
     */
    public void accept(Caller patient, UUID offerId) {
        Offer offer = offer(patient, offerId);
        Instant now = clock.instant();
        if (!"OPEN".equals(offer.status()) || !offer.expiresAt().isAfter(now) || !offer.startsAt().isAfter(now)) {
            throw new BookingRefusedException("appointments.refused.offerClosed");
        }
        Appointment appointment = store.find(offer.appointmentId()).orElseThrow();
        AppointmentType type = setup.type(appointment.typeId).orElseThrow();
        Instant end = offer.startsAt().plus(type.length());
        Availability.Window window = times.windowFor(appointment.practitionerId, offer.startsAt(), end);
        if (window == null || appointment.status != AppointmentStatus.BOOKED) {
            throw new BookingRefusedException("appointments.refused.offerClosed");
        }
        Instant freedStart = appointment.startsAt;
        Instant freedEnd = appointment.endsAt;
        try {
            transaction.executeWithoutResult(status -> {
                store.release(appointment.id);
                appointment.moveTo(offer.startsAt(), end, window.locationId(), now);
                if (!store.update(appointment, AppointmentStatus.BOOKED)) {
                    throw new BookingRefusedException("appointments.refused.changed");
                }
                store.claim(appointment, times.units(offer.startsAt(), end));
                jdbc.sql("UPDATE wait_list_offer SET status = 'ACCEPTED' WHERE id = ?").param(offerId).update();
                closeFor(appointment.id);
                audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).by(patient.actor()).patient(appointment.patientId)
                        .object("appointment", appointment.id).because("accepted an earlier time"));
            });
        } catch (DuplicateKeyException taken) {
            jdbc.sql("UPDATE wait_list_offer SET status = 'TAKEN' WHERE id = ? AND status = 'OPEN'").param(offerId).update();
            audit.record(AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.FAILURE).by(patient.actor()).patient(appointment.patientId)
                    .object("appointment", appointment.id).because("earlier time already taken"));
            throw new BookingRefusedException("appointments.refused.offerTaken");
        }
        offerFreed(appointment.practitionerId, freedStart, freedEnd);
    }

    /** Marks offers past their time as expired (run with the reminders). */
    int expireOffers() {
        return jdbc.sql("UPDATE wait_list_offer SET status = 'EXPIRED' WHERE status = 'OPEN' AND expires_at <= ?").param(utc(clock.instant())).update();
    }

    private static Offer offer(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Offer(row.getObject("id", UUID.class), row.getObject("appointment_id", UUID.class), instant(row, "starts_at"),
                instant(row, "expires_at"), row.getString("status"));
    }
}
