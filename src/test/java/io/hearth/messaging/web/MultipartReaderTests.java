package io.hearth.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTests {

    static final String BOUNDARY = "----hearthBoundary7MA4YWxkTrZu0gW";

    @Test
    void readsFieldsAndFilesAsTheyStreamEvenInTinyPieces() throws IOException {
        byte[] file = new byte[200_000];
        new Random(7).nextBytes(file);
        // a file that holds something very like a delimiter
        byte[] tricky = ("x\r\n--" + BOUNDARY.substring(0, 10) + "y").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tricky, 0, file, 1000, tricky.length);
        byte[] body = body(file);

        MultipartReader reader = new MultipartReader(new Trickle(body), MultipartReader.boundaryOf("multipart/form-data; boundary=" + BOUNDARY));
        MultipartReader.Part csrf = reader.next();
        assertThat(csrf.name()).isEqualTo("_csrf");
        assertThat(new String(csrf.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("token-1");
        MultipartReader.Part text = reader.next();
        assertThat(new String(text.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Line one\r\nLine two – ü");
        MultipartReader.Part upload = reader.next();
        assertThat(upload.isFile()).isTrue();
        assertThat(upload.filename()).isEqualTo("scan ü.pdf");
        assertThat(upload.content().readAllBytes()).isEqualTo(file);
        assertThat(reader.next()).isNull();
    }

    @Test
    void skipsWhatACallerDidNotRead() throws IOException {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(new byte[70_000])), BOUNDARY);
        reader.next();
        reader.next();
        reader.next();
        assertThat(reader.next()).isNull();
    }

    @Test
    void aBodyCutShortIsMalformed() {
        byte[] body = body(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 60);
        assertThatThrownBy(() -> {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                part.content().readAllBytes();
            }
        }).isInstanceOf(MultipartReader.MalformedException.class);
    }

    @Test
    void knowsTheBoundaryOnlyOfFormData() {
        assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=\"abc\"")).isEqualTo("abc");
        assertThat(MultipartReader.boundaryOf("application/x-www-form-urlencoded")).isNull();
        assertThat(MultipartReader.boundaryOf(null)).isNull();
    }

    static byte[] body(byte[] file) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-1\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nLine one\r\nLine two – ü\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan ü.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Hands out 1 to 7 bytes per read, as a slow network might. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int position;
        private final Random random = new Random(1);

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(7)), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
