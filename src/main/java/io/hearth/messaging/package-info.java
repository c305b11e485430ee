/**
 * Secure messaging between a patient and the practice: threads, messages and attachments.
 *
 * <h2>Who sees what</h2>
 * A patient starts a thread with one recipient pool ({@link io.hearth.messaging.internal.Pool}): a provider of
 * their care team, Prescriptions, Billing or Front desk, and sees only their own threads. A staff member sees a
 * thread when its pool matches a role of theirs (BILLING, FRONT_DESK), or, for the provider pools and Prescriptions,
 * when they are clinical staff (PROVIDER, NURSE) linked to a practitioner of the patient's care team
 * ({@code io.hearth.records.CareTeams}). The rule is applied in the queries that read threads
 * ({@code MessageAccess}), not only in the pages; any other thread or attachment answers 404 and the attempt is
 * audited.
 *
 * <h2>What is stored in clear, and why</h2>
 * Ids, the pool, the provider's practitioner id, status, assignee, author usernames and times are in clear (the
 * inbox filters and orders by them). Subjects, bodies and attachment names are encrypted with the row id bound in;
 * attachment contents go to the crypto module's encrypted file store under random ids, never their given names.
 *
 * <h2>Email</h2>
 * A new message puts a NEW_MESSAGE notice in the outbox: to the patient when staff write, to the assignee (or, with
 * none, the staff of the pool) when the patient writes, at most one per staff member per
 * {@code hearth.messaging.staff-notice-interval}. A notice carries the first name and a link, nothing of the message.
 */
package io.hearth.messaging;
