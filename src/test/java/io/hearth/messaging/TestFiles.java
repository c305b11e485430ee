package io.hearth.messaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small real files of each kind, and the hostile ones an attachment must never be. */
public final class TestFiles {

    /** A 1x1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    public static final byte[] JPEG = bytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
            0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9 });
    public static final String PDF_TEXT = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% lab letter for Ada: potassium 5.9 mmol/L\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    public static final byte[] PDF = PDF_TEXT.getBytes(StandardCharsets.US_ASCII);
    public static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    public static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>")
            .getBytes(StandardCharsets.UTF_8);
    /** Reads as a PDF (magic first) and as HTML to a browser that sniffs. */
    public static final byte[] PDF_HTML_POLYGLOT = ("%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** The start of a Windows executable (MZ header, then the PE signature). */
    public static final byte[] EXE = exe();

    private TestFiles() {
    }

    /** A PDF of about the given size (its content repeated), for limits. */
    public static byte[] pdfOfSize(int size) {
        byte[] pdf = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        for (int i = head.length; i < size; i++) {
            pdf[i] = (byte) ('a' + i % 26);
        }
        return pdf;
    }

    private static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    private static byte[] bytes(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes);
        return out.toByteArray();
    }
}
