package io.hearth.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way usernames are compared: Unicode NFKC, trimmed, lower case. "Ａｌｉｃｅ ", "alice" and "ALICE" are one
 * account, so neither look-alike registrations nor lockout-dodging variants are possible.
 */
public final class Usernames {

    private Usernames() {
    }

    public static String key(String username) {
        return username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
