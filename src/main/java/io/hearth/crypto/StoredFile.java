package io.hearth.crypto;

/**
 * A file kept encrypted by {@link EncryptedFiles}.
 *
 * @param id random, made by the store and safe in paths and URLs; starts with the purpose
 * @param purpose what the file is for, e.g. {@code attachment}
 * @param size length of the plaintext in bytes
 * @param sha256 SHA-256 of the plaintext, lower-case hex
 */
public record StoredFile(String id, String purpose, long size, String sha256) {
}
