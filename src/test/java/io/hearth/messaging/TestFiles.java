package io.hearth.messaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

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

    /**
     * A photo-like JPEG made by ImageIO (smooth shading with seeded noise, so its compressed bytes vary as a camera's
     * do), tens of KB.
     */
    public static byte[] photoJpeg(long seed) {
        return image(photo(seed), "jpg");
    }

    /** A photo-like PNG made by ImageIO, as {@link #photoJpeg}; deflated, so its bytes are as varied. */
    public static byte[] photoPng(long seed) {
        return image(photo(seed), "png");
    }

    /**
     * A one-page lab letter made by PDFBox: text in a compressed content stream, a photo embedded once as JPEG and
     * once deflated, as scanners and office programs write them.
     */
    public static byte[] labLetterPdf(long seed) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle("Lab letter");
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 770);
                content.showText("Synthetic patient: potassium 4.1 mmol/L, sodium 139 mmol/L. See the photos below.");
                content.endText();
                content.drawImage(JPEGFactory.createFromByteArray(document, photoJpeg(seed)), 72, 420, 320, 240);
                content.drawImage(LosslessFactory.createFromImage(document, photo(seed + 1)), 72, 120, 320, 240);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with a comment (COM) segment put right after its JFIF header, as some cameras and editors write. */
    public static byte[] withJpegComment(byte[] jpeg, byte[] comment) {
        int afterApp0 = 4 + ((jpeg[4] & 0xff) << 8 | jpeg[5] & 0xff);
        int length = comment.length + 2;
        return concat(Arrays.copyOf(jpeg, afterApp0), new byte[] { (byte) 0xFF, (byte) 0xFE, (byte) (length >> 8), (byte) length },
                comment, Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static BufferedImage photo(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int noise = random.nextInt(48);
                image.setRGB(x, y, (Math.min(255, x * 255 / 320 + noise) << 16) | (Math.min(255, y * 255 / 240 + noise) << 8) | (noise * 3 + 40));
            }
        }
        return image;
    }

    private static byte[] image(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
