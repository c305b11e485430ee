package io.hearth.identity;

import com.ibm.icu.text.SpoofChecker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one way usernames are compared: Unicode NFKC, trimmed, lower case. "Ａｌｉｃｅ ", "alice" and "ALICE" are one
 * account, so lockout-dodging variants are not possible.
 *
 * <p>Folding does not catch look-alikes from other scripts ("аdmin" with a Cyrillic а) or within one ("demo.ɑdmin",
 * "demo.admın"), so a new name must also be written in one script and must not share its confusable skeleton
 * (Unicode UTS #39, through ICU4J's {@link SpoofChecker}) with an existing name. Signing in still compares keys only:
 * a look-alike never signs in as the account it resembles.
 */
public final class Usernames {

    /**
     * Latin, Cyrillic, Greek... each alone, or Latin with the CJK scripts a Japanese, Chinese or Korean name needs
     * (UTS #39 "highly restrictive"); digits of one numbering system; no invisible repeated marks. ICU documents
     * its checks as safe to call from many threads on one instance.
     */
    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
            .build();

    private Usernames() {
    }

    public static String key(String username) {
        return username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the name, after {@link #key}, keeps to one script (see {@link #SPOOF_CHECKER}). */
    public static boolean singleScript(String name) {
        return !SPOOF_CHECKER.failsChecks(key(name));
    }

    /**
     * The UTS #39 skeleton of the name's key, lower-cased again because the skeleton maps some characters to capitals
     * ("0" to "O"): two names with the same skeleton look alike.
     */
    public static String skeleton(String name) {
        return SPOOF_CHECKER.getSkeleton(key(name)).toLowerCase(Locale.ROOT);
    }

    /**
     * What the {@code account.username_skeleton} column holds: the SHA-256 of the {@link #skeleton} in hex, so the column
     * has one width however far a skeleton expands (one character may become six).
     */
    public static String lookAlikeKey(String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(skeleton(username).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }
}
