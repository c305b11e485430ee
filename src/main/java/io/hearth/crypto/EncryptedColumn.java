package io.hearth.crypto;

import java.util.Objects;

/**
 * An encrypted column, declared once as a constant beside the entity field it protects; how entities keep PHI.
 *
 * <p>A JPA {@code AttributeConverter} cannot see which row it converts, and the row identity must be part of the
 * ciphertext, so Hearth does not hide encryption in a converter. Instead the entity stores the ciphertext as a plain
 * {@code byte[]} column ({@code bytea} in the migration) and converts in its own accessors, with the cipher passed in
 * by the service that owns the entity:
 *
 * <pre>{@code
 * @Entity class Patient {
 *     static final EncryptedColumn NAME = EncryptedColumn.of("patient", "name_ciphertext");
 *     @Id private UUID id = UUID.randomUUID();                 // assigned before the first encrypt, never by the database
 *     @Column(name = "name_ciphertext") private byte[] nameCiphertext;
 *
 *     void rename(String name, FieldCipher cipher) { nameCiphertext = cipher.encrypt(name, NAME.at(id)); }
 *     String name(FieldCipher cipher)             { return cipher.decrypt(nameCiphertext, NAME.at(id)); }
 * }
 * }</pre>
 *
 * The entity never holds the plaintext in a field, so it cannot leak through {@code toString}, second-level caches
 * or dirty checking, and the table, column and row id are written once, next to the column they describe. The id
 * must be assigned in Java (a random UUID), because the database cannot tell us the row's identity before the
 * value is encrypted. Declaring the constant is all key rotation needs: it finds every {@code static final}
 * {@code EncryptedColumn} in the application's classes and re-encrypts the column by its {@code id} column, so the
 * row id column of an encrypted table is named {@code id}.
 */
public record EncryptedColumn(String table, String column) {

    public EncryptedColumn {
        FieldContext.requireName(table, "table");
        FieldContext.requireName(column, "column");
    }

    public static EncryptedColumn of(String table, String column) {
        return new EncryptedColumn(table, column);
    }

    /** The context of this column in the row with the given id. */
    public FieldContext at(Object rowId) {
        return new FieldContext(table, column, String.valueOf(Objects.requireNonNull(rowId, "rowId")));
    }
}
