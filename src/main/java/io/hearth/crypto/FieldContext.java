package io.hearth.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Where an encrypted value lives: table, column and the row's id. It is bound into the ciphertext as associated
 * data, so a value copied to another row or column no longer decrypts. Usually made by
 * {@link EncryptedColumn#at(Object)}. None of the three parts may be PHI: they appear in alarms and exception messages.
 */
public record FieldContext(String table, String column, String rowId) {

    public FieldContext {
        requireName(table, "table");
        requireName(column, "column");
        if (rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("A field context needs the row id; assign ids before encrypting");
        }
    }

    /** Compiled once: a context is made for every value read, 150 for a page of lab results. */
    private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    static void requireName(String name, String what) {
        if (name == null || !SQL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A field context needs a lower-case SQL " + what + " name");
        }
    }

    /** The associated data bound into the ciphertext; length-prefixed, so no two contexts give the same bytes. */
    public byte[] associatedData() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF("hearth.field.v1");
            out.writeUTF(table);
            out.writeUTF(column);
            out.writeUTF(rowId);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return table + "." + column + " of row " + rowId;
    }
}
