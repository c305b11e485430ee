package io.hearth.records;

/**
 * The kinds of a patient's data the access policy ({@link PatientAccess}) decides on. A new kind (forms, a new
 * message pool) is a new constant here and a row in the policy's table, never a rule in the module that shows it.
 */
public enum DataKind {
    /** Name, birth date, contact details: who the patient is. */
    DEMOGRAPHICS,
    /** Conditions, allergies, immunizations, procedures, care plans, visits: the clinical record. */
    CLINICAL_RECORD,
    /** Lab results and vital signs. */
    RESULTS,
    /** Clinical notes and documents. */
    NOTES,
    /** Medications and renewal requests. */
    MEDICATIONS,
    /** Appointments, bookings and the wait list. */
    APPOINTMENTS,
    /** Message threads with the care team (a provider of the care team, Prescriptions). */
    CARE_TEAM_MESSAGES,
    /** Message threads in the Front desk pool. */
    FRONT_DESK_MESSAGES,
    /** Message threads in the Billing pool. */
    BILLING_MESSAGES,
    /** Claims, explanations of benefit and, later, statements and payments. */
    BILLING
}
