package io.hearth.messaging.internal;

import java.nio.CharBuffer;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * <p>Written by hand because this is a handful of fixed signatures over a stream: Java's own {@link Pattern} does the
 * matching, and what is left is carrying a short tail across pieces. Not thread-safe; one per file.
 */
final class MarkupScanner {

    private static final List<String> TAGS = List.of("html", "head", "body", "script", "iframe", "svg", "object", "embed", "meta",
            "style", "form", "link");
    /** Found as they are: a doctype, a script URL and the event handlers that run script. */
    private static final List<String> LITERALS = List.of("<!doctype", "javascript:", "onerror=", "onload=");
    private static final String TAG_NAME_END = "[\\t\\n\\f\\r />]";
    private static final Pattern SIGNATURE = Pattern.compile(
            Stream.concat(Stream.of("<(?:" + String.join("|", TAGS) + ")" + TAG_NAME_END), LITERALS.stream().map(Pattern::quote))
                    .collect(Collectors.joining("|")),
            Pattern.CASE_INSENSITIVE);
    /** The longest text a signature can match: a tag with its '<' and the character after its name, or a literal. */
    private static final int LONGEST = Math.max(TAGS.stream().mapToInt(tag -> tag.length() + 2).max().orElseThrow(),
            LITERALS.stream().mapToInt(String::length).max().orElseThrow());

    private char[] text = new char[0];
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
            char[] larger = new char[tail + length];
            System.arraycopy(text, 0, larger, 0, tail);
            text = larger;
        }
        int end = tail;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] != 0) {
                text[end++] = (char) (bytes[i] & 0xff);
            }
        }
        found = SIGNATURE.matcher(CharBuffer.wrap(text, 0, end)).find();
        tail = Math.min(end, LONGEST - 1);
        System.arraycopy(text, end - tail, text, 0, tail);
        return found;
    }
}
