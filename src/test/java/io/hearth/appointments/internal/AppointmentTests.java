package io.hearth.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppointmentTests {

    static final Instant NOON = Instant.parse("2027-06-07T16:00:00Z");
    static final AppointmentType CHECK_UP = new AppointmentType(UUID.randomUUID(), "Check-up", 30, Booking.DIRECT, false, 90, 24, true);

    static Appointment booked(Instant start) {
        Appointment a = new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), CHECK_UP.id(), "p", NOON.minus(Duration.ofDays(9)));
        a.startsAt = start;
        a.endsAt = start.plus(CHECK_UP.length());
        a.status = AppointmentStatus.BOOKED;
        return a;
    }

    @Test
    void patientsMayCancelUntilTheCutOffButNotAfter() {
        booked(NOON.plus(Duration.ofHours(24))).requireChangeableByPatient(CHECK_UP, NOON);
        assertThatThrownBy(() -> booked(NOON.plus(Duration.ofHours(23).plusMinutes(59))).requireChangeableByPatient(CHECK_UP, NOON))
                .isInstanceOf(BookingRefusedException.class).hasMessage("appointments.refused.cutoff");
    }

    @Test
    void aRequestCanBeWithdrawnInsideTheCutOffBecauseItHoldsNoTime() {
        Appointment request = booked(NOON.plus(Duration.ofHours(2)));
        request.status = AppointmentStatus.REQUESTED;
        request.requireChangeableByPatient(CHECK_UP, NOON);
        assertThat(request.holdsTime()).isFalse();
    }

    @Test
    void noShowOnlyOnceTheTimeHasComeAndCheckInOnlyNearIt() {
        Appointment later = booked(NOON.plus(Duration.ofHours(3)));
        assertThatThrownBy(() -> later.noShow(NOON)).hasMessage("appointments.refused.notStarted");
        assertThatThrownBy(() -> later.checkIn(NOON)).hasMessage("appointments.refused.checkInTime");
        later.checkIn(NOON.plus(Duration.ofHours(2)));
        assertThat(later.status).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThatThrownBy(() -> later.cancel(Appointment.CancelledBy.PATIENT, NOON)).hasMessage("appointments.refused.notChangeable");
    }

    @Test
    void onlyARequestOrProposalCanBeConfirmed() {
        Appointment appointment = booked(NOON.plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> appointment.confirm(NOON)).hasMessage("appointments.refused.notPending");
        appointment.status = AppointmentStatus.REQUESTED;
        appointment.propose(NOON.plus(Duration.ofDays(4)), NOON.plus(Duration.ofDays(4)).plus(CHECK_UP.length()), UUID.randomUUID(), NOON);
        assertThat(appointment.status).isEqualTo(AppointmentStatus.PROPOSED);
        appointment.confirm(NOON);
        assertThat(appointment.status).isEqualTo(AppointmentStatus.BOOKED);
    }
}
