package io.hearth.messaging.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a file through while {@link MarkupScanner} reads every byte of it, and fails the read that brings markup, so
 * the store that is reading gives the file up before it is kept. An {@link InputStream} rather than a filter, so no
 * inherited shortcut ({@code skip}, {@code transferTo}) can pass bytes by unscanned.
 */
final class MarkupRefusingStream extends InputStream {

    /** The file holds markup beyond its first bytes. */
    static final class MarkupFoundException extends IOException {
        MarkupFoundException() {
            super("attachment holds markup");
        }
    }

    private final InputStream in;
    private final MarkupScanner scanner = new MarkupScanner();

    MarkupRefusingStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        if (read > 0 && scanner.scan(buffer, offset, read)) {
            throw new MarkupFoundException();
        }
        return read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
