package io.hearth.cli;

import io.hearth.crypto.KeysetStatus;
import java.io.PrintWriter;
import java.util.List;

/** How the keys commands show the key sets: keys, the primary, and how many values each still protects. */
final class KeysetStatusPrinter {

    private KeysetStatusPrinter() {
    }

    static void print(List<KeysetStatus> status, PrintWriter out) {
        for (KeysetStatus keyset : status) {
            out.printf("%-12s primary key %s, %d key(s)%n", keyset.keyset(), id(keyset.primaryKeyId()), keyset.keyIds().size());
            for (int keyId : keyset.keyIds()) {
                Long values = keyset.valuesPerKey().get(keyId);
                out.printf("    key %-10s %s%s%n", id(keyId), keyId == keyset.primaryKeyId() ? "primary" : "old    ",
                        values == null ? "" : "  " + values + " value(s)");
            }
            keyset.valuesPerKey().forEach((keyId, values) -> {
                if (!keyset.keyIds().contains(keyId)) {
                    out.printf("    key %-10s MISSING  %d value(s) cannot be decrypted%n", id(keyId), values);
                }
            });
            if (keyset.valuesUnderOldKeys() > 0) {
                out.printf("    %d value(s) under old keys; run 'keys reencrypt'%n", keyset.valuesUnderOldKeys());
            }
        }
        out.flush();
    }

    /** Tink key ids are unsigned 32-bit numbers. */
    private static String id(int keyId) {
        return Integer.toUnsignedString(keyId);
    }
}
