package io.hearth.audit.internal;

/** The audit trail could not take an entry; the action that needed it must not go ahead unrecorded. */
class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(Throwable cause) {
        super("The audit trail is unavailable", cause);
    }
}
