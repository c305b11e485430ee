/**
 * The audit trail's design.
 *
 * <p><b>One chain, one writer per node, group commit.</b> Every entry stores the SHA-256 of its canonical content
 * together with the previous entry's hash, so changing, removing, inserting or reordering any entry breaks the links
 * from there on. A chain needs a total order, and taking a row lock on the chain head for every request would
 * serialise all requests behind one another. Instead {@link io.hearth.audit.internal.ChainWriter} is a single thread
 * that drains a queue and appends every queued entry with one batched insert and one commit: two round trips per
 * batch, however large. The database keeps the head: a trigger moves it with every entry and refuses an entry that
 * does not take the next number and link to the head's hash (V11), so the writer never locks or reads the head in
 * the normal case, and a second writer (another node) cannot fork the chain: the loser's batch is refused, it reads
 * the head again and chains the batch anew.
 *
 * <p><b>Durable first, chained moments later.</b> An entry is durable before the caller goes on, but the caller does
 * not wait for the chain: a read outside a transaction commits its entry to {@code audit_pending} on its own thread
 * (one round trip); a change writes its entry to {@code audit_pending} inside its own transaction, so the entry
 * commits exactly when the change does. The writer then chains pending entries, gathering them for up to 50 ms
 * when nobody waits, and deletes their pending rows in the same transaction; entries left pending by a crash are
 * chained at the next start (and every minute). Only a denial or failure inside a transaction that may roll back is
 * handed to the writer directly, and its caller waits for the chain's commit. Measured on 2 cores, waiting for the
 * chain on every read cost a third of a small request's CPU (the writer's commit per read); this way the cost is one
 * insert on the request thread and a share of a batch. The price: for up to a moment an entry is pending, not yet
 * hash-linked; {@link io.hearth.audit.AuditTrail#awaitChained()} waits for it (verification and the patient's
 * access log do).
 *
 * <p><b>Checkpoints.</b> Every {@code hearth.audit.checkpoint-interval} entries the writer seals the current hash with
 * a keyed MAC from the crypto module. An attacker who can write to the database can recompute plain hashes, but not
 * the seals; {@code audit verify} confirms the chain up to the newest valid seal and names the first bad entry.
 *
 * <p><b>Storage.</b> Triggers refuse UPDATE and DELETE on entries and checkpoints, and on PostgreSQL the application
 * role holds only SELECT and INSERT on them; migrations run as a separate owner role.
 */
package io.hearth.audit.internal;
