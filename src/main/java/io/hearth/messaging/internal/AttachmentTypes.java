package io.hearth.messaging.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;

/**
 * Decides from a file's first bytes and its name whether it may be attached. The type comes from the bytes (Apache
 * Tika's magic numbers), never from what the browser said, must be one of {@link AttachmentType}, and the name's
 * extension must agree. Files that also read as HTML or script (a PDF or image with markup in it, the polyglots a
 * browser could be talked into rendering) are refused, as are names that could mean a path: here for markup in the
 * first bytes, before anything is stored, and by {@link AttachmentIntake} for markup anywhere after them.
 */
public final class AttachmentTypes {

    /** How many leading bytes are examined before anything is stored; browsers sniff HTML in the first 512. */
    public static final int HEAD_SIZE = 8 * 1024;
    static final int MAX_NAME_LENGTH = 200;
    private static final Tika TIKA = new Tika();

    /** Why a file was refused; each has a message for the sender. */
    public enum Refusal {
        NAME, TYPE, MISMATCH, MARKUP
    }

    /** The outcome: a type, or the reason for refusing. */
    public record Verdict(AttachmentType type, Refusal refusal) {
        public boolean accepted() {
            return type != null;
        }
    }

    private AttachmentTypes() {
    }

    public static Verdict check(String name, byte[] head, int length) {
        if (!safeName(name)) {
            return new Verdict(null, Refusal.NAME);
        }
        if (MarkupScanner.in(head, 0, length)) {
            return new Verdict(null, Refusal.MARKUP);
        }
        String detected;
        try {
            detected = TIKA.detect(new ByteArrayInputStream(head, 0, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var type = AttachmentType.ofMediaType(detected);
        if (type.isEmpty()) {
            return new Verdict(null, Refusal.TYPE);
        }
        if (!type.get().fits(name)) {
            return new Verdict(null, Refusal.MISMATCH);
        }
        return new Verdict(type.get(), null);
    }

    /** A plain file name: no path separators, no "..", no control characters (NUL among them), not too long. */
    static boolean safeName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || name.contains("..") || name.startsWith(".")) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
    }
}
