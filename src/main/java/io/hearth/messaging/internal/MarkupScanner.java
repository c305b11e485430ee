package io.hearth.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Looks for HTML and script in a file's bytes, fed to it piece by piece as the file streams in: the one list of what
 * counts as markup, for a file's first bytes and for all the rest of it.
 *
 * <p>Bytes are read as Latin-1, case-insensitively, with NUL bytes skipped (so UTF-16 markup is found too). A tag
 * counts only with what ends a tag name after it (white space, {@code /} or {@code >}, as an HTML parser reads it):
 * compressed image and PDF data is close to random, and a bare {@code <svg} would turn up in it by chance about once
 * in 512 MB (one 10 MB photo in 50 refused), {@code <svg} followed by one of those seven bytes once in about 18 GB.
 * A signature split between two pieces is still found: the last few characters of each piece are kept for the next.
 *
 * <p>Written by hand because no library scans a stream for a handful of fixed strings with these rules; the searching
 * itself is {@link String#indexOf}, and what is left is carrying a short tail across pieces. Not thread-safe; one per
 * file.
 */
final class MarkupScanner {

    private static final List<String> TAGS = List.of("html", "head", "body", "script", "iframe", "svg", "object", "embed", "meta",
            "style", "form", "link");
    /** Found as they are: a doctype, a script URL and the event handlers that run script. */
    private static final List<String> LITERALS = List.of("<!doctype", "javascript:", "onerror=", "onload=");
    private static final String TAG_NAME_END = "\t\n\f\r />";
    /** The longest text a signature can match: a tag with its '<' and the character after its name, or a literal. */
    private static final int LONGEST = Math.max(TAGS.stream().mapToInt(tag -> tag.length() + 2).max().orElseThrow(),
            LITERALS.stream().mapToInt(String::length).max().orElseThrow());

    /** The tail of the previous piece, then the current piece: lower-case, without NUL bytes. */
    private byte[] text = new byte[0];
    private int tail;
    private boolean found;

    /** Whether the bytes hold markup. */
    static boolean in(byte[] bytes, int offset, int length) {
        return new MarkupScanner().scan(bytes, offset, length);
    }

    /** Adds the next piece of the file; true once markup was found in all that was given so far. */
    boolean scan(byte[] bytes, int offset, int length) {
        if (found) {
            return true;
        }
        if (text.length < tail + length) {
            text = Arrays.copyOf(text, tail + length);
        }
        int end = tail;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != 0) {
                text[end++] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
            }
        }
        found = holdsMarkup(new String(text, 0, end, StandardCharsets.ISO_8859_1));
        tail = Math.min(end, LONGEST - 1);
        System.arraycopy(text, end - tail, text, 0, tail);
        return found;
    }

    private static boolean holdsMarkup(String text) {
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            if (opensTag(text, at + 1)) {
                return true;
            }
        }
        return LITERALS.stream().anyMatch(text::contains);
    }

    /** A tag name at {@code from}, ended as an HTML parser ends one; not decided yet when the text stops first. */
    private static boolean opensTag(String text, int from) {
        for (String tag : TAGS) {
            int end = from + tag.length();
            if (end < text.length() && text.startsWith(tag, from) && TAG_NAME_END.indexOf(text.charAt(end)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
