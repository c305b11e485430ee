package io.hearth.appointments.internal;

/** Where an appointment stands. Only BOOKED and CHECKED_IN hold their provider's time (slot claims). */
public enum AppointmentStatus {
    /** A patient asked for this time; staff approve it or propose another. */
    REQUESTED,
    /** Staff proposed another time; the patient accepts or declines. */
    PROPOSED,
    BOOKED,
    CHECKED_IN,
    NO_SHOW,
    CANCELLED;

    boolean upcomingForPatient() {
        return this == REQUESTED || this == PROPOSED || this == BOOKED || this == CHECKED_IN;
    }
}
