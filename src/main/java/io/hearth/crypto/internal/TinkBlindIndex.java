package io.hearth.crypto.internal;

import io.hearth.crypto.BlindIndex;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

class TinkBlindIndex implements BlindIndex {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private final Keysets keysets;

    TinkBlindIndex(Keysets keysets) {
        this.keysets = keysets;
    }

    @Override
    public String of(String purpose, String normalisedValue) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A blind index purpose has lower-case letters, digits, dots and dashes");
        }
        Objects.requireNonNull(normalisedValue, "normalisedValue");
        try {
            return HexFormat.of().formatHex(keysets.blindIndex().computePrimary(input(purpose, normalisedValue), 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind index for " + purpose + " could not be computed", e);
        }
    }

    /** The purpose is length-prefixed, so ("a.b", "c") and ("a", "bc")-like pairs never share an input. */
    private static byte[] input(String purpose, String value) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF("hearth.blind-index.v1");
            out.writeUTF(purpose);
            out.write(value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
