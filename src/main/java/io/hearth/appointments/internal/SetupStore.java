package io.hearth.appointments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The practice's scheduling set-up: locations, appointment types, weekly hours and time off (no PHI). */
@Repository
class SetupStore {

    private final JdbcClient jdbc;

    SetupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Location> locations() {
        return jdbc.sql("SELECT * FROM appointment_location ORDER BY name, id").query(SetupStore::location).list();
    }

    Optional<Location> location(UUID id) {
        return jdbc.sql("SELECT * FROM appointment_location WHERE id = ?").param(id).query(SetupStore::location).optional();
    }

    void save(Location location) {
        if (jdbc.sql("UPDATE appointment_location SET name = ?, address = ?, active = ? WHERE id = ?")
                .params(location.name(), location.address(), location.active(), location.id()).update() == 0) {
            jdbc.sql("INSERT INTO appointment_location (id, name, address, active) VALUES (?, ?, ?, ?)")
                    .params(location.id(), location.name(), location.address(), location.active()).update();
        }
    }

    List<AppointmentType> types() {
        return jdbc.sql("SELECT * FROM appointment_type ORDER BY name, id").query(SetupStore::type).list();
    }

    Optional<AppointmentType> type(UUID id) {
        return jdbc.sql("SELECT * FROM appointment_type WHERE id = ?").param(id).query(SetupStore::type).optional();
    }

    void save(AppointmentType type) {
        Object[] values = { type.name(), type.minutes(), type.booking().name(), type.newPatients(), type.horizonDays(), type.cancelCutoffHours(),
                type.active(), type.id() };
        if (jdbc.sql("""
                UPDATE appointment_type SET name = ?, minutes = ?, booking = ?, new_patients = ?, horizon_days = ?, cancel_cutoff_hours = ?,
                       active = ? WHERE id = ?""").params(values).update() == 0) {
            jdbc.sql("""
                    INSERT INTO appointment_type (name, minutes, booking, new_patients, horizon_days, cancel_cutoff_hours, active, id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    List<WeeklyHours> hours(UUID practitioner) {
        return jdbc.sql("SELECT * FROM weekly_hours WHERE practitioner_id = ? ORDER BY day_of_week, starts").param(practitioner)
                .query(SetupStore::hours).list();
    }

    /** Every practitioner with weekly hours. */
    List<UUID> practitionersWithHours() {
        return jdbc.sql("SELECT DISTINCT practitioner_id FROM weekly_hours").query(UUID.class).list();
    }

    void add(WeeklyHours hours) {
        jdbc.sql("INSERT INTO weekly_hours (id, practitioner_id, location_id, day_of_week, starts, ends) VALUES (?, ?, ?, ?, ?, ?)")
                .params(hours.id(), hours.practitionerId(), hours.locationId(), hours.day().getValue(), hours.starts(), hours.ends()).update();
    }

    boolean removeHours(UUID practitioner, UUID id) {
        return jdbc.sql("DELETE FROM weekly_hours WHERE id = ? AND practitioner_id = ?").params(id, practitioner).update() == 1;
    }

    /** Time off of these practitioners that touches the days from {@code from} to {@code to}. */
    List<TimeOff> timeOff(Collection<UUID> practitioners, LocalDate from, LocalDate to) {
        if (practitioners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM time_off WHERE practitioner_id IN (:who) AND last_day >= :from AND first_day <= :to ORDER BY first_day, starts")
                .param("who", practitioners).param("from", from).param("to", to).query(SetupStore::timeOff).list();
    }

    void add(TimeOff off) {
        jdbc.sql("INSERT INTO time_off (id, practitioner_id, first_day, last_day, starts, ends, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(off.id(), off.practitionerId(), off.firstDay(), off.lastDay(), off.starts(), off.ends(), off.reason()).update();
    }

    boolean removeTimeOff(UUID practitioner, UUID id) {
        return jdbc.sql("DELETE FROM time_off WHERE id = ? AND practitioner_id = ?").params(id, practitioner).update() == 1;
    }

    private static Location location(ResultSet row, int n) throws SQLException {
        return new Location(row.getObject("id", UUID.class), row.getString("name"), row.getString("address"), row.getBoolean("active"));
    }

    private static AppointmentType type(ResultSet row, int n) throws SQLException {
        return new AppointmentType(row.getObject("id", UUID.class), row.getString("name"), row.getInt("minutes"), Booking.valueOf(row.getString("booking")),
                row.getBoolean("new_patients"), row.getInt("horizon_days"), row.getInt("cancel_cutoff_hours"), row.getBoolean("active"));
    }

    private static WeeklyHours hours(ResultSet row, int n) throws SQLException {
        return new WeeklyHours(row.getObject("id", UUID.class), row.getObject("practitioner_id", UUID.class), row.getObject("location_id", UUID.class),
                DayOfWeek.of(row.getInt("day_of_week")), row.getObject("starts", LocalTime.class), row.getObject("ends", LocalTime.class));
    }

    private static TimeOff timeOff(ResultSet row, int n) throws SQLException {
        return new TimeOff(row.getObject("id", UUID.class), row.getObject("practitioner_id", UUID.class), row.getObject("first_day", LocalDate.class),
                row.getObject("last_day", LocalDate.class), row.getObject("starts", LocalTime.class), row.getObject("ends", LocalTime.class),
                row.getString("reason"));
    }
}
