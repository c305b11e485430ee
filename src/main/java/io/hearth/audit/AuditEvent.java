package io.hearth.audit;

import java.util.UUID;

/**
 * One thing to record. Carries ids, never PHI: the object is named by type and id, the reason is free text the
 * actor typed for break-glass and similar (keep it free of clinical detail).
 *
 * @param actor who acted; {@code null} means the signed-in user of the current request (or anonymous)
 * @param patientId the patient whose information was touched, when any
 */
public record AuditEvent(AuditAction action, AuditOutcome outcome, Actor actor, UUID patientId, String objectType,
        String objectId, String reason) {

    public static AuditEvent of(AuditAction action, AuditOutcome outcome) {
        return new AuditEvent(action, outcome, null, null, null, null, null);
    }

    public AuditEvent by(Actor who) {
        return new AuditEvent(action, outcome, who, patientId, objectType, objectId, reason);
    }

    public AuditEvent patient(UUID patient) {
        return new AuditEvent(action, outcome, actor, patient, objectType, objectId, reason);
    }

    public AuditEvent object(String type, Object id) {
        return new AuditEvent(action, outcome, actor, patientId, type, id == null ? null : id.toString(), reason);
    }

    public AuditEvent because(String why) {
        return new AuditEvent(action, outcome, actor, patientId, objectType, objectId, why);
    }
}
