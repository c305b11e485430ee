package io.hearth.messaging.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body part by part straight from the request stream, so nothing is buffered
 * beyond one small window: the caller decides, while a part streams, whether to keep reading it. Spring's own multipart
 * handling (switched off, {@code spring.servlet.multipart.enabled=false}) would have stored the whole request in
 * temporary files, in plain text, before any limit of ours could look at it.
 *
 * <p>Only what browsers send is accepted: one level of parts, each with a {@code Content-Disposition: form-data}
 * header. Part headers are limited to {@value #MAX_HEADER_BYTES} bytes. Not thread-safe; one per request.
 */
final class MultipartReader {

    static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)[;\\s]filename=\"([^\"]*)\"");
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:\\s*([^\\r\\n;]+)");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    /** A part's headers and its content, readable until the next delimiter. */
    record Part(String name, String filename, String contentType, InputStream content) {

        boolean isFile() {
            return filename != null;
        }
    }

    /** The body is not well-formed multipart (or breaks our limits on its structure). */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter has no line break before it: pretend it had, so every delimiter looks the same
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it is not one. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
    }

    /** The next part, skipping what is left of the previous one; null after the last. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current != null) {
            current.skipRest();
        } else {
            skipToDelimiter();
        }
        consume(delimiter.length);
        fill(2);
        if (limit - position < 2) {
            throw new MalformedException("multipart body ends without its closing delimiter");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        int headersEnd = indexOf(new byte[] { '\r', '\n', '\r', '\n' }, MAX_HEADER_BYTES + 4);
        if (headersEnd < 0) {
            throw new MalformedException("part headers missing or too long");
        }
        String headers = new String(buffer, position, headersEnd - position, StandardCharsets.UTF_8);
        consume(headersEnd - position + 4);
        Matcher name = NAME.matcher(headers);
        if (!headers.toLowerCase(Locale.ROOT).contains("content-disposition: form-data") || !name.find()) {
            throw new MalformedException("part without a form-data name");
        }
        Matcher filename = FILENAME.matcher(headers);
        Matcher type = CONTENT_TYPE.matcher(headers);
        current = new PartStream();
        return new Part(name.group(1), filename.find() ? filename.group(1) : null, type.find() ? type.group(1).strip() : null, current);
    }

    /** Skips the preamble (usually empty) up to the first delimiter. */
    private void skipToDelimiter() throws IOException {
        new PartStream().skipRest();
    }

    /** Reads until at least {@code wanted} bytes are buffered past the position, or the stream ends. */
    private void fill(int wanted) throws IOException {
        if (wanted > buffer.length) {
            throw new IllegalArgumentException("window too small");
        }
        if (limit - position >= wanted) {
            return;
        }
        if (buffer.length - position < wanted) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit - position < wanted && !eof) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
    }

    private void consume(int count) {
        position += count;
    }

    /** Index of the pattern in the buffer from the position, filling up to {@code within} bytes; -1 if not there. */
    private int indexOf(byte[] pattern, int within) throws IOException {
        fill(Math.min(within, buffer.length));
        return find(pattern, position, Math.min(limit, position + within));
    }

    private int find(byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The content of one part: ends where the next delimiter starts. */
    private final class PartStream extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            fill(delimiter.length + 1);
            int found = find(delimiter, position, limit);
            int available;
            if (found >= 0) {
                available = found - position;
            } else if (eof) {
                throw new MalformedException("multipart body ends inside a part");
            } else {
                // keep a tail that may be the start of a delimiter split across reads
                available = limit - position - (delimiter.length - 1);
            }
            if (available == 0) {
                done = true;
                return -1;
            }
            int count = Math.min(available, length);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
