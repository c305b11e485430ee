/**
 * Patients: their record's people and permissions (care teams, proxies, consents, authorizations) and what they may
 * see about access to their record. For now: opening a patient account with an activation code
 * ({@link io.hearth.patients.PatientActivation}) and the patient's access log page.
 */
package io.hearth.patients;
