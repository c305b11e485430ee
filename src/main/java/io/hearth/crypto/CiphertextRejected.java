package io.hearth.crypto;

/**
 * Published when a stored ciphertext fails to decrypt (changed, moved to another row or file, or its key is missing),
 * so the audit trail records the alarm. Names where the value lives, never its content.
 */
public record CiphertextRejected(String location) {
}
