package io.hearth.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every entry, link and checkpoint checked out
 * @param entriesChecked how many entries were read
 * @param firstBadSequence the sequence number of the first entry that was changed, removed, inserted or reordered,
 *     or -1
 * @param problem what is wrong there, in words; empty when intact
 * @param lastCheckpointSequence the newest sealed checkpoint the chain was confirmed up to, or 0
 */
public record ChainVerification(boolean intact, long entriesChecked, long firstBadSequence, String problem,
        long lastCheckpointSequence) {
}
