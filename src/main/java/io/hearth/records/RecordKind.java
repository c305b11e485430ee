package io.hearth.records;

/** The kinds of clinical record a patient's health record holds (FHIR resource types, as stored here). */
public enum RecordKind {
    PATIENT, ENCOUNTER, OBSERVATION, DIAGNOSTIC_REPORT, CONDITION, ALLERGY, MEDICATION_REQUEST, MEDICATION, IMMUNIZATION,
    PROCEDURE, CARE_PLAN, CARE_TEAM, DOCUMENT, CLAIM, EXPLANATION_OF_BENEFIT;

    /** Kinds that belong to no patient (a Medication is shared by the requests that name it). */
    public boolean patientScoped() {
        return this != MEDICATION;
    }

    /** The kind of data the access policy decides on for records of this kind. */
    public DataKind dataKind() {
        return switch (this) {
            case PATIENT -> DataKind.DEMOGRAPHICS;
            case OBSERVATION, DIAGNOSTIC_REPORT -> DataKind.RESULTS;
            case DOCUMENT -> DataKind.NOTES;
            case MEDICATION_REQUEST, MEDICATION -> DataKind.MEDICATIONS;
            case CLAIM, EXPLANATION_OF_BENEFIT -> DataKind.BILLING;
            case ENCOUNTER, CONDITION, ALLERGY, IMMUNIZATION, PROCEDURE, CARE_PLAN, CARE_TEAM -> DataKind.CLINICAL_RECORD;
        };
    }
}
