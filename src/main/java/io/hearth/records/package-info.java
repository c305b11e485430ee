/**
 * The patient's health record as the practice's EHR sends it (imported by {@code io.hearth.fhir}), and its pages:
 * summary, lab results with trends, visits, for the patient and for the clinicians of their care team. Who may read
 * whose record is decided where records are read ({@code internal.RecordAccess}, which opens a {@code Chart}); the
 * pages cannot read otherwise.
 *
 * <h2>What is stored in clear, and why</h2>
 * One table, {@code record_entry}, holds every clinical record. Only what queries need to find and order rows is in
 * clear: the random row id, the patient's random id, the visit and report a row belongs to (random ids), its kind,
 * a coarse category (laboratory, vital-signs, clinical-note...), a status code (active, final...) and its dates
 * (to order rows and apply the release hold). Everything that says what the record is about (names, codes, values,
 * reasons, notes, who and where) is in {@code details_ciphertext}, encrypted with the row's id as associated data.
 * Two keyed hashes (crypto {@code BlindIndex}) sit beside it: {@code source_key}, the EHR's identity of the resource,
 * so a re-import finds the row to update without keeping the EHR's identifiers in clear; and {@code code_key}, the
 * test's code, so a trend can be queried. Lab codes are not kept in clear because a test ordered can reveal a
 * diagnosis (an HIV viral load, a pregnancy test); {@code content_key} hashes the content so an unchanged re-import
 * writes nothing.
 *
 * <p>The directory ({@code directory_entry}: practitioners, organizations, locations) is public information about the
 * practice and stays in clear; conditional references from the EHR ({@code Practitioner?identifier=...}) are resolved
 * through its identifiers when they are read, so bundles may be imported in any order. {@code care_relationship}
 * lists which practitioner identifiers care for which patient id (no clinical content): the care-team rule needs it.
 *
 * <h2>For other modules</h2>
 * {@link io.hearth.records.PatientAccess} is the one policy of who may see which patient's data of which kind, for
 * every module (records, messaging, appointments, medications, and the modules to come). It lives here because the
 * relationship it mostly decides on, the care team, is the record's: records owns the patients and who cares for them,
 * and every module that shows patient data already depends on records; break-glass comes from compliance, the caller
 * from identity. New kinds of callers (proxies, apps) and of data (billing, forms) are rows of its table.
 * {@link io.hearth.records.CareTeams}, {@link io.hearth.records.PatientIdentities} and
 * {@link io.hearth.records.MedicationLists} (a patient's prescriptions, for renewals) read without deciding access: the
 * calling module asks the policy and audits a refusal.
 */
package io.hearth.records;
