package io.hearth.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.StoredFile;
import io.hearth.messaging.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AttachmentIntakeTests {

    static final MessagingProperties SETTINGS = new MessagingProperties(DataSize.ofKilobytes(64), 5, DataSize.ofMegabytes(1),
            Duration.ZERO, Duration.ofMinutes(1), 20_000, 150);

    final List<String> deleted = new ArrayList<>();
    long read;

    /** Reads what it is given as the real store would, counting, and keeps nothing. */
    final EncryptedFiles store = new EncryptedFiles() {
        @Override
        public StoredFile store(InputStream plaintext, String purpose) throws IOException {
            byte[] buffer = new byte[4096];
            for (int n = plaintext.read(buffer); n >= 0; n = plaintext.read(buffer)) {
                read += n;
            }
            return new StoredFile(purpose + "_00", purpose, read, "0");
        }

        @Override
        public InputStream open(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String id) {
            deleted.add(id);
        }
    };

    final AttachmentIntake intake = new AttachmentIntake(store, SETTINGS);

    @Test
    void aFileWithinItsLimitIsStoredWithItsType() throws Exception {
        Upload upload = accept("letter.pdf", TestFiles.pdfOfSize(60 * 1024), Long.MAX_VALUE);

        assertThat(upload.type()).isEqualTo(AttachmentType.PDF);
        assertThat(upload.file().size()).isEqualTo(60 * 1024);
    }

    @Test
    void anOversizedFileIsRefusedAsSoonAsItPassesTheLimitNotAfterReadingItAll() {
        assertThatThrownBy(() -> accept("scan.pdf", TestFiles.pdfOfSize(5 * 1024 * 1024), Long.MAX_VALUE))
                .isInstanceOfSatisfying(AttachmentIntake.RefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(413);
                    assertThat(refused.key()).isEqualTo("messages.attachment.tooLarge");
                });
        assertThat(read).isLessThanOrEqualTo(64 * 1024 + 1);
    }

    @Test
    void theQuotaLeftIsALimitToo() {
        assertThatThrownBy(() -> accept("scan.pdf", TestFiles.pdfOfSize(20 * 1024), 10 * 1024))
                .isInstanceOfSatisfying(AttachmentIntake.RefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(413);
                    assertThat(refused.key()).isEqualTo("messages.attachment.quota");
                });
    }

    @Test
    void aRefusedTypeIsNeverStored() {
        assertThatThrownBy(() -> accept("page.pdf", TestFiles.PDF_HTML_POLYGLOT, Long.MAX_VALUE))
                .isInstanceOfSatisfying(AttachmentIntake.RefusedException.class, refused -> assertThat(refused.status()).isEqualTo(415));
        assertThat(read).isZero();
    }

    @Test
    void markupAfterTheFirstBytesIsRefusedAsTheFileStreams() throws Exception {
        byte[] comment = TestFiles.concat(TestFiles.ascii("x".repeat(AttachmentTypes.HEAD_SIZE)), TestFiles.ascii("<script>alert(1)</script>"));
        byte[] photo = TestFiles.withJpegComment(TestFiles.photoJpeg(3), comment);
        assertThat(ImageIO.read(new ByteArrayInputStream(photo))).as("still a picture").isNotNull();

        assertThatThrownBy(() -> accept("photo.jpg", photo, Long.MAX_VALUE))
                .isInstanceOfSatisfying(AttachmentIntake.RefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(415);
                    assertThat(refused.key()).isEqualTo("messages.attachment.markup");
                });
    }

    private Upload accept(String name, byte[] bytes, long allowed) throws Exception {
        byte[] head = new byte[AttachmentTypes.HEAD_SIZE];
        InputStream in = new ByteArrayInputStream(bytes);
        int length = in.readNBytes(head, 0, head.length);
        return intake.accept(name, head, length, in, allowed);
    }
}
