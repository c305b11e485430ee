package io.hearth.medications.internal;

public enum RenewalStatus {
    PENDING, APPROVED, DENIED
}
