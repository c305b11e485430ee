package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.StoredFile;
import io.hearth.crypto.TamperedCiphertextException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFilesTests {

    static final byte[] MARKER = "PLAINTEXT-MARKER-Ada-Lovelace-MRN-0042".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    CryptoFixture fixture;
    TinkEncryptedFiles files;

    @BeforeEach
    void start() {
        fixture = CryptoFixture.start(dataDir);
        files = fixture.files;
    }

    @Test
    void severalMegabytesRoundTripByteForByte() throws Exception {
        byte[] content = content(3 * 1024 * 1024 + 123);

        StoredFile stored = files.store(new ByteArrayInputStream(content), "attachment");

        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(stored.purpose()).isEqualTo("attachment");
        assertThat(stored.id()).matches("attachment_[0-9a-f]{32}");
    }

    @Test
    void emptyFileRoundTrips() throws Exception {
        StoredFile stored = files.store(InputStream.nullInputStream(), "attachment");

        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void fileOnDiskHoldsNoPlaintextAndIsOwnerOnly() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(content(2 * 1024 * 1024)), "attachment");

        Path onDisk = dataDir.resolve("files").resolve(stored.id() + ".enc");
        byte[] ciphertext = Files.readAllBytes(onDisk);
        assertThat(indexOf(ciphertext, MARKER)).isEqualTo(-1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onDisk))).isEqualTo("rw-------");
        try (var listing = Files.list(dataDir.resolve("files"))) {
            assertThat(listing).containsExactly(onDisk);
        }
    }

    @Test
    void fileMovedToAnotherIdFailsToDecrypt() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(content(10_000)), "attachment");
        StoredFile other = files.store(new ByteArrayInputStream(content(10_000)), "attachment");
        Path folder = dataDir.resolve("files");
        Files.move(folder.resolve(stored.id() + ".enc"), folder.resolve(other.id() + ".enc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        try (InputStream in = files.open(other.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(TamperedCiphertextException.class).hasMessageContaining(other.id());
        }
    }

    @Test
    void flippedByteFailsToDecrypt() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(content(1024 * 1024 + 10)), "attachment");
        Path onDisk = dataDir.resolve("files").resolve(stored.id() + ".enc");
        byte[] ciphertext = Files.readAllBytes(onDisk);
        ciphertext[ciphertext.length / 2] ^= 0x01;
        Files.write(onDisk, ciphertext);

        try (InputStream in = files.open(stored.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(TamperedCiphertextException.class);
        }
    }

    @Test
    void truncatedFileFailsToDecrypt() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(content(1024 * 1024 + 10)), "attachment");
        Path onDisk = dataDir.resolve("files").resolve(stored.id() + ".enc");
        byte[] ciphertext = Files.readAllBytes(onDisk);
        Files.write(onDisk, java.util.Arrays.copyOf(ciphertext, ciphertext.length - 100));

        try (InputStream in = files.open(stored.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(TamperedCiphertextException.class);
        }
    }

    @Test
    void oldFilesStillOpenAfterRotation() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(MARKER), "attachment");

        fixture.rotation(java.util.List.of()).rotate();

        try (InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(MARKER);
        }
    }

    @Test
    void deleteRemovesTheFile() throws Exception {
        StoredFile stored = files.store(new ByteArrayInputStream(MARKER), "attachment");

        files.delete(stored.id());
        files.delete(stored.id());

        assertThatThrownBy(() -> files.open(stored.id())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void idsAndPurposesCannotReachOutsideTheFolder() {
        assertThatThrownBy(() -> files.open("../keys/master")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.delete("attachment_../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.store(InputStream.nullInputStream(), "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedUploadLeavesNothingBehind() throws Exception {
        InputStream failing = new InputStream() {
            int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("client went away");
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> files.store(failing, "attachment")).isInstanceOf(IOException.class);
        try (var listing = Files.list(dataDir.resolve("files"))) {
            assertThat(listing).isEmpty();
        }
    }

    static byte[] content(int size) {
        byte[] content = new byte[size];
        new Random(42).nextBytes(content);
        System.arraycopy(MARKER, 0, content, size / 3, MARKER.length);
        return content;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
