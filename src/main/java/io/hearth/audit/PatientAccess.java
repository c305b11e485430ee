package io.hearth.audit;

import java.time.Instant;

/**
 * One line of a patient's access log: someone at the practice opened, changed or exported the patient's record.
 *
 * @param actorId the staff member's username
 * @param roles the roles they held at that moment
 * @param reason the reason they gave (break-glass), or null
 */
public record PatientAccess(Instant when, String actorId, String roles, AuditAction action, String objectType, String reason) {
}
