package io.hearth.appointments.internal;

import static io.hearth.appointments.internal.Rows.instant;
import static io.hearth.appointments.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appointments and the slot claims that keep them from overlapping. A claim is inserted for every unit a booked
 * appointment covers; the primary key of {@code slot_claim} makes a second claim fail, so the caller's transaction
 * rolls back with a {@code DuplicateKeyException}.
 */
@Repository
class AppointmentStore {

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Appointment a) {
        jdbc.sql("""
                INSERT INTO appointment (id, patient_id, practitioner_id, location_id, type_id, starts_at, ends_at, status, reason_ciphertext,
                    cancel_reason_ciphertext, cancelled_by, booked_by, created_at, updated_at, reminder_sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id, a.patientId, a.practitionerId, a.locationId, a.typeId, utc(a.startsAt), utc(a.endsAt), a.status.name(),
                        a.reasonCiphertext, a.cancelReasonCiphertext, a.cancelledBy == null ? null : a.cancelledBy.name(), a.bookedBy,
                        utc(a.createdAt), utc(a.updatedAt), utc(a.reminderSentAt))
                .update();
    }

    /** Writes the changeable fields; the status it had when read must still be there (a concurrent change fails this one). */
    boolean update(Appointment a, AppointmentStatus expected) {
        return jdbc.sql("""
                UPDATE appointment SET location_id = ?, starts_at = ?, ends_at = ?, status = ?, cancel_reason_ciphertext = ?, cancelled_by = ?,
                    updated_at = ?, reminder_sent_at = ?
                WHERE id = ? AND status = ?""")
                .params(a.locationId, utc(a.startsAt), utc(a.endsAt), a.status.name(), a.cancelReasonCiphertext,
                        a.cancelledBy == null ? null : a.cancelledBy.name(), utc(a.updatedAt), utc(a.reminderSentAt), a.id, expected.name())
                .update() == 1;
    }

    Optional<Appointment> find(UUID id) {
        return jdbc.sql("SELECT * FROM appointment WHERE id = ?").param(id).query(AppointmentStore::appointment).optional();
    }

    List<Appointment> ofPatient(UUID patient) {
        return jdbc.sql("SELECT * FROM appointment WHERE patient_id = ? ORDER BY starts_at DESC LIMIT 500").param(patient)
                .query(AppointmentStore::appointment).list();
    }

    /** Appointments of these practitioners (any status) that overlap the time from {@code from} to {@code to}. */
    List<Appointment> ofPractitioners(Collection<UUID> practitioners, Instant from, Instant to) {
        if (practitioners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM appointment WHERE practitioner_id IN (:who) AND starts_at < :to AND ends_at > :from ORDER BY starts_at, id")
                .param("who", practitioners).param("from", utc(from)).param("to", utc(to)).query(AppointmentStore::appointment).list();
    }

    /** How many appointments and requests the patient holds that have not started yet. */
    long upcomingOf(UUID patient, Instant now) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE patient_id = ? AND status IN ('REQUESTED', 'PROPOSED', 'BOOKED') AND starts_at > ?")
                .params(patient, utc(now)).query(Long.class).single();
    }

    /**
     * Locks the patient's row of {@code appointment_patient_lock} (made on first use) until the transaction ends, so
     * that bookings of the same patient count their upcoming appointments one after another.
     */
    void lockPatient(UUID patient) {
        jdbc.sql("INSERT INTO appointment_patient_lock (patient_id) VALUES (?) ON CONFLICT DO NOTHING").param(patient).update();
        jdbc.sql("SELECT patient_id FROM appointment_patient_lock WHERE patient_id = ? FOR UPDATE").param(patient).query(UUID.class).single();
    }

    /** Requests and proposals waiting for an answer, oldest first. */
    List<Appointment> pending(Collection<AppointmentStatus> statuses) {
        return jdbc.sql("SELECT * FROM appointment WHERE status IN (:statuses) ORDER BY created_at LIMIT 500")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(AppointmentStore::appointment).list();
    }

    /** Claims this appointment's units; fails with {@code DuplicateKeyException} when any is held by another. */
    void claim(Appointment a, List<Instant> units) {
        for (Instant unit : units) {
            jdbc.sql("INSERT INTO slot_claim (practitioner_id, unit_start, appointment_id) VALUES (?, ?, ?)").params(a.practitionerId, utc(unit), a.id)
                    .update();
        }
    }

    void release(UUID appointment) {
        jdbc.sql("DELETE FROM slot_claim WHERE appointment_id = ?").param(appointment).update();
    }

    Set<Instant> claimedUnits(UUID practitioner, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("SELECT unit_start FROM slot_claim WHERE practitioner_id = ? AND unit_start >= ? AND unit_start < ?")
                .params(practitioner, utc(from), utc(to)).query((row, n) -> instant(row, "unit_start")).list());
    }

    /** Booked appointments starting from now up to {@code until} whose reminder has not gone out. */
    List<Appointment> dueReminders(Instant now, Instant until) {
        return jdbc.sql("""
                SELECT * FROM appointment WHERE status = 'BOOKED' AND reminder_sent_at IS NULL AND starts_at > ? AND starts_at <= ?
                ORDER BY starts_at LIMIT 200""").params(utc(now), utc(until)).query(AppointmentStore::appointment).list();
    }

    /** Marks the reminder sent; false when another node (or a change of time) got there first. */
    boolean markReminded(UUID appointment, Instant startsAt, Instant now) {
        return jdbc.sql("UPDATE appointment SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL AND starts_at = ? AND status = 'BOOKED'")
                .params(utc(now), appointment, utc(startsAt)).update() == 1;
    }

    private static Appointment appointment(ResultSet row, int n) throws SQLException {
        Appointment a = new Appointment(row.getObject("id", UUID.class), row.getObject("patient_id", UUID.class),
                row.getObject("practitioner_id", UUID.class), row.getObject("type_id", UUID.class), row.getString("booked_by"), instant(row, "created_at"));
        a.locationId = row.getObject("location_id", UUID.class);
        a.startsAt = instant(row, "starts_at");
        a.endsAt = instant(row, "ends_at");
        a.status = AppointmentStatus.valueOf(row.getString("status"));
        a.reasonCiphertext = row.getBytes("reason_ciphertext");
        a.cancelReasonCiphertext = row.getBytes("cancel_reason_ciphertext");
        String by = row.getString("cancelled_by");
        a.cancelledBy = by == null ? null : Appointment.CancelledBy.valueOf(by);
        a.updatedAt = instant(row, "updated_at");
        a.reminderSentAt = instant(row, "reminder_sent_at");
        return a;
    }
}
