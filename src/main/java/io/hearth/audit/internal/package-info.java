/**
 * The audit trail's design.
 *
 * <p><b>One chain, one writer per node, group commit.</b> Every entry stores the SHA-256 of its canonical content
 * together with the previous entry's hash, so changing, removing, inserting or reordering any entry breaks the links
 * from there on. A chain needs a total order, and taking a row lock on the chain head for every request would
 * serialise all requests behind one another. Instead {@link io.hearth.audit.internal.ChainWriter} is a single thread
 * that drains a queue: it locks the head row once per batch, appends every queued entry with one batched insert and
 * commits; only then are the waiting callers released. Under load a batch holds many entries, so the cost of the
 * lock and the commit is shared; with several nodes the head-row lock orders their batches.
 *
 * <p><b>Own transaction.</b> The writer's transaction is separate from the caller's, so denials and failures stay
 * recorded when the caller rolls back. Changes are recorded after the caller's commit and before its response.
 *
 * <p><b>Checkpoints.</b> Every {@code hearth.audit.checkpoint-interval} entries the writer seals the current hash with
 * a keyed MAC from the crypto module. An attacker who can write to the database can recompute plain hashes, but not
 * the seals; {@code audit verify} confirms the chain up to the newest valid seal and names the first bad entry.
 *
 * <p><b>Storage.</b> Triggers refuse UPDATE and DELETE on entries and checkpoints, and on PostgreSQL the application
 * role holds only SELECT and INSERT on them; migrations run as a separate owner role.
 */
package io.hearth.audit.internal;
