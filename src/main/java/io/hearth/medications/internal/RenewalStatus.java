package io.hearth.medications.internal;

public enum RenewalStatus {
    PENDING, APPROVED, DENIED,
    /** The patient took the request back before the practice decided. */
    WITHDRAWN
}
