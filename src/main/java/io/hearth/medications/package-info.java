/**
 * The patient's medication list and prescription renewals.
 *
 * <h2>Who sees what</h2>
 * A patient sees their own medications (read from the health record through {@code io.hearth.records.MedicationLists},
 * never from its tables) and asks to renew an active one, choosing a pharmacy and adding a note; one request per
 * medication may be pending, which a unique index keeps under races. Medications the practice renews only by phone
 * ({@code hearth.medications.not-renewable-*}, controlled substances by default) show "call the practice" instead.
 * Clinical staff (PROVIDER, NURSE) linked to a practitioner see the pending requests of the patients in their care
 * team ({@code io.hearth.records.CareTeams}), their own prescriptions first, and approve (perhaps changing quantity
 * and refills) or deny with a reason, once. Anything else answers 404, audited.
 *
 * <h2>What is stored in clear, and why</h2>
 * Ids (patient, medication, prescriber), status, who asked and decided and when are in clear: the queue filters and
 * orders by them. The pharmacy, the note, an approval's changes and a denial's reason are encrypted with the row id
 * bound in.
 *
 * <h2>Email</h2>
 * A decision queues one RENEWAL_DECIDED notice to the patient (first name and link only; sent only with their consent
 * to email): nothing of the medication, the pharmacy or the decision.
 */
package io.hearth.medications;
