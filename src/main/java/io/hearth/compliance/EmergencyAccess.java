package io.hearth.compliance;

import io.hearth.audit.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/**
 * Break-glass: a clinician (PROVIDER or NURSE) may open a patient outside their care team after choosing a reason,
 * explaining it, and typing their second factor again. The grant is for that patient only and ends after
 * {@code hearth.compliance.break-glass-duration} (60 minutes); it is audited (BREAK_GLASS, with the patient as subject,
 * so it shows in the patient's access log with the reason) and waits for the security officer's review.
 */
public interface EmergencyAccess {

    /** The reasons a clinician chooses from; the details say the rest. */
    enum Reason { EMERGENCY_TREATMENT, PATIENT_CANNOT_CONSENT, COVERING_FOR_COLLEAGUE, OTHER }

    /** The security officer's verdict. */
    enum Review { ACCEPTED, ESCALATED }

    /** One emergency access as the security officer reviews it. */
    record Grant(UUID id, String username, UUID patientId, Reason reason, String details, Instant grantedAt, Instant expiresAt,
            Review review, String reviewNote, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * Opens the record for this clinician; returns when the grant ends.
     *
     * @throws EmergencyAccessRefusedException with a message for the person: not a clinician, no reason or details,
     *     or the second factor is not right (which counts toward the lockout)
     */
    Instant open(Authentication clinician, UUID patient, String reason, String details, String secondFactorCode);

    /** Whether this person holds an unexpired grant for this patient. */
    boolean active(String username, UUID patient);

    /** The patients this person holds an unexpired grant for (for lists that show what break-glass opened). */
    java.util.Set<UUID> activeFor(String username);

    /** Grants still waiting for review, oldest first. */
    List<Grant> awaitingReview();

    /** Recently reviewed grants, newest first. */
    List<Grant> reviewed(int limit);

    /**
     * Records the security officer's review (audited).
     *
     * @throws EmergencyAccessRefusedException when the grant is unknown or already reviewed, or the note is too long
     */
    void review(UUID grant, Review verdict, String note, Actor by);
}
