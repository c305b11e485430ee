package io.hearth.crypto;

/**
 * Keyed HMAC-SHA256 (Tink PRF) of a normalised value, for equality look-ups of encrypted fields such as an email
 * address or a medical record number: store the index in its own column, query by the index of the search term.
 * Without the key the index reveals nothing and cannot be brute-forced from a list of likely values.
 *
 * <p>The blind-index keyset is not rotated with the others: a new key changes every index, and look-ups would silently
 * miss until all of them were recomputed.
 */
public interface BlindIndex {

    /**
     * @param purpose what is indexed, e.g. {@code "patient.email"}; lower-case letters, digits, dots, dashes; the
     *     same value gives unrelated indexes for different purposes
     * @param normalisedValue the value after the caller's normalisation (trim, case fold, Unicode NFKC...)
     * @return 64 lower-case hex characters
     */
    String of(String purpose, String normalisedValue);
}
