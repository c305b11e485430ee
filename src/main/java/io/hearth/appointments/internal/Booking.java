package io.hearth.appointments.internal;

/** How patients get an appointment of a type: they book a free time themselves, or they ask and staff decide. */
public enum Booking {
    DIRECT, REQUEST
}
