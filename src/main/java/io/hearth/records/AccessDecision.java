package io.hearth.records;

import java.util.Objects;

/**
 * The policy's answer: allowed, and on what basis, or refused, and why (for the audit trail; never shown to the
 * person, who gets a plain "not found").
 */
public record AccessDecision(Basis basis, String refusal) {

    /** Why access is allowed. */
    public enum Basis {
        /** The patient's own record. */
        OWN_RECORD,
        /** A role that works for the whole practice reads this kind for every patient (front desk, billing). */
        WHOLE_PRACTICE,
        /** A clinician of the patient's care team. */
        CARE_TEAM,
        /** The item names the clinician's own practitioner (an appointment with them). */
        NAMED_PRACTITIONER,
        /** A break-glass grant for this patient, in force. */
        BREAK_GLASS
    }

    public AccessDecision {
        if ((basis == null) == (refusal == null)) {
            throw new IllegalArgumentException("a decision has a basis or a refusal, not both");
        }
    }

    public static AccessDecision allowed(Basis basis) {
        return new AccessDecision(Objects.requireNonNull(basis), null);
    }

    public static AccessDecision refused(String why) {
        return new AccessDecision(null, Objects.requireNonNull(why));
    }

    public boolean isAllowed() {
        return basis != null;
    }
}
