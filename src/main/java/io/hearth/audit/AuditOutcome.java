package io.hearth.audit;

public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
