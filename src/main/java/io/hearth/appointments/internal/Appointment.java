package io.hearth.appointments.internal;

import io.hearth.crypto.EncryptedColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One appointment and the rules of its life: who may cancel or move it until when, and which step may follow which.
 * Stored by {@link AppointmentStore}; the patient's reason and the practice's cancellation reason stay ciphertext here.
 */
final class Appointment {

    static final EncryptedColumn REASON = EncryptedColumn.of("appointment", "reason_ciphertext");
    static final EncryptedColumn CANCEL_REASON = EncryptedColumn.of("appointment", "cancel_reason_ciphertext");

    /** Who cancelled: shown to the patient ("cancelled by the practice: reason"). */
    enum CancelledBy {
        PATIENT, PRACTICE
    }

    final UUID id;
    final UUID patientId;
    final UUID practitionerId;
    final UUID typeId;
    final String bookedBy;
    final Instant createdAt;
    UUID locationId;
    Instant startsAt;
    Instant endsAt;
    AppointmentStatus status;
    byte[] reasonCiphertext;
    byte[] cancelReasonCiphertext;
    CancelledBy cancelledBy;
    Instant updatedAt;
    Instant reminderSentAt;

    Appointment(UUID id, UUID patientId, UUID practitionerId, UUID typeId, String bookedBy, Instant createdAt) {
        this.id = id;
        this.patientId = patientId;
        this.practitionerId = practitionerId;
        this.typeId = typeId;
        this.bookedBy = bookedBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Whether the appointment holds its provider's time (and so claims slot units). */
    boolean holdsTime() {
        return status == AppointmentStatus.BOOKED || status == AppointmentStatus.CHECKED_IN;
    }

    /** Patients may cancel or move a booked appointment (or withdraw a request) until the type's cut-off before it. */
    void requireChangeableByPatient(AppointmentType type, Instant now) {
        if (status != AppointmentStatus.BOOKED && status != AppointmentStatus.REQUESTED && status != AppointmentStatus.PROPOSED) {
            throw new BookingRefusedException("appointments.refused.notChangeable");
        }
        if (!now.isBefore(startsAt)) {
            throw new BookingRefusedException("appointments.refused.started");
        }
        if (status == AppointmentStatus.BOOKED && now.plus(type.cancelCutoff()).isAfter(startsAt)) {
            throw new BookingRefusedException("appointments.refused.cutoff", type.cancelCutoffHours());
        }
    }

    void cancel(CancelledBy by, Instant now) {
        if (!status.upcomingForPatient() || status == AppointmentStatus.CHECKED_IN) {
            throw new BookingRefusedException("appointments.refused.notChangeable");
        }
        status = AppointmentStatus.CANCELLED;
        cancelledBy = by;
        updatedAt = now;
    }

    void moveTo(Instant start, Instant end, UUID location, Instant now) {
        startsAt = start;
        endsAt = end;
        locationId = location;
        reminderSentAt = null;
        updatedAt = now;
    }

    /** Staff approve a requested time, or the patient accepts a proposed one. */
    void confirm(Instant now) {
        if (status != AppointmentStatus.REQUESTED && status != AppointmentStatus.PROPOSED) {
            throw new BookingRefusedException("appointments.refused.notPending");
        }
        status = AppointmentStatus.BOOKED;
        updatedAt = now;
    }

    void propose(Instant start, Instant end, UUID location, Instant now) {
        if (status != AppointmentStatus.REQUESTED && status != AppointmentStatus.PROPOSED) {
            throw new BookingRefusedException("appointments.refused.notPending");
        }
        moveTo(start, end, location, now);
        status = AppointmentStatus.PROPOSED;
    }

    /** Check-in opens an hour before the start (configurable would be overkill) and lasts the day. */
    void checkIn(Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            throw new BookingRefusedException("appointments.refused.notBooked");
        }
        if (now.isBefore(startsAt.minus(Duration.ofHours(1))) || now.isAfter(endsAt.plus(Duration.ofHours(12)))) {
            throw new BookingRefusedException("appointments.refused.checkInTime");
        }
        status = AppointmentStatus.CHECKED_IN;
        updatedAt = now;
    }

    void noShow(Instant now) {
        if (status != AppointmentStatus.BOOKED) {
            throw new BookingRefusedException("appointments.refused.notBooked");
        }
        if (now.isBefore(startsAt)) {
            throw new BookingRefusedException("appointments.refused.notStarted");
        }
        status = AppointmentStatus.NO_SHOW;
        updatedAt = now;
    }

    @Override
    public String toString() {
        return "Appointment[" + id + ", " + status + "]";
    }
}
