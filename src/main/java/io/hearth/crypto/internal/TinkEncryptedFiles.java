package io.hearth.crypto.internal;

import io.hearth.crypto.CiphertextRejected;
import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.StorageFailedException;
import io.hearth.crypto.StoredFile;
import io.hearth.crypto.TamperedCiphertextException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files are {@code <id>.enc} in one folder; {@code <id>.tmp} while being written. */
class TinkEncryptedFiles implements EncryptedFiles {

    static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Pattern ID = Pattern.compile("([a-z][a-z0-9-]{0,31})_[0-9a-f]{32}");
    static final String SUFFIX = ".enc";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Logger log = LoggerFactory.getLogger(TinkEncryptedFiles.class);

    private final Keysets keysets;
    private final Path folder;
    private final SecureRandom random;
    private final Consumer<CiphertextRejected> alarms;

    TinkEncryptedFiles(Keysets keysets, Path folder, SecureRandom random) {
        this(keysets, folder, random, rejected -> { });
    }

    TinkEncryptedFiles(Keysets keysets, Path folder, SecureRandom random, Consumer<CiphertextRejected> alarms) {
        this.alarms = alarms;
        this.keysets = keysets;
        this.folder = folder;
        this.random = random;
    }

    @Override
    public StoredFile store(InputStream plaintext, String purpose) throws IOException {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("A file purpose has up to 32 lower-case letters, digits and dashes");
        }
        PrivateFiles.directory(folder);
        byte[] randomPart = new byte[16];
        random.nextBytes(randomPart);
        String id = purpose + "_" + HexFormat.of().formatHex(randomPart);
        Path temp = folder.resolve(id + TEMP_SUFFIX);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (FileChannel channel = created(temp)) {
            try (OutputStream encrypting = keysets.files().newEncryptingStream(new KeepOpen(Channels.newOutputStream(channel)), associatedData(id))) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = plaintext.read(buffer); read != -1; read = plaintext.read(buffer)) {
                    sha256.update(buffer, 0, read);
                    encrypting.write(buffer, 0, read);
                    size += read;
                }
            }
            written(() -> channel.force(true));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("The file could not be encrypted", e);
        }
        try {
            Files.move(temp, folder.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new StorageFailedException(e);
        }
        PrivateFiles.forceDirectory(folder);
        return new StoredFile(id, purpose, size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static FileChannel created(Path temp) throws IOException {
        try {
            return PrivateFiles.createNew(temp);
        } catch (IOException e) {
            throw new StorageFailedException(e);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    /** A failure of the disk side (full, not writable) is told apart from one of the stream being stored. */
    private static void written(Write write) throws StorageFailedException {
        try {
            write.run();
        } catch (IOException e) {
            throw e instanceof StorageFailedException failed ? failed : new StorageFailedException(e);
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        InputStream ciphertext = Files.newInputStream(path(id));
        try {
            return new TamperAlarm(keysets.files().newDecryptingStream(ciphertext, associatedData(id)), id, alarms);
        } catch (GeneralSecurityException e) {
            ciphertext.close();
            throw new IllegalStateException("Stored file " + id + " could not be opened", e);
        }
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(path(id));
    }

    private Path path(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a stored file id");
        }
        return folder.resolve(id + SUFFIX);
    }

    private static byte[] associatedData(String id) {
        return ("hearth.file.v1:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The channel is forced to disk after the encrypting stream closes, so that stream must not close it. */
    /** The file's channel under the encrypting stream: left open for the force, and a failed write is the disk's. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            written(out::flush);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Tink reports a failed segment as an IOException; it means the file was changed, moved or truncated. */
    private static final class TamperAlarm extends FilterInputStream {

        private final String id;
        private final Consumer<CiphertextRejected> alarms;

        TamperAlarm(InputStream decrypting, String id, Consumer<CiphertextRejected> alarms) {
            super(decrypting);
            this.id = id;
            this.alarms = alarms;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw alarm();
            }
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return in.read(bytes, offset, length);
            } catch (IOException e) {
                throw alarm();
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw alarm();
            }
        }

        private TamperedCiphertextException alarm() {
            log.error("SECURITY ALARM: stored file {} failed to decrypt; it was changed, moved from another id, truncated,"
                    + " or its key is missing", id);
            alarms.accept(new CiphertextRejected("stored file " + id));
            return new TamperedCiphertextException("stored file " + id);
        }
    }
}
