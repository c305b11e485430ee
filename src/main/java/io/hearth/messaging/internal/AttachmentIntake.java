package io.hearth.messaging.internal;

import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.StorageFailedException;
import io.hearth.crypto.StoredFile;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one attachment as it streams in: checks its first bytes and name ({@link AttachmentTypes}), then encrypts it
 * into the file store while counting and scanning every byte for markup, and stops the moment it grows past what is
 * allowed or markup turns up, so such a file is never read to its end nor kept anywhere.
 *
 * <p>Polyglots beyond the first bytes are refused by scanning, not by re-encoding images: re-encoding would change the
 * file the person sent (its hash, its quality, the metadata a clinician may need), cannot be done for PDFs nor, with
 * the JDK's ImageIO, for HEIC, and would run an image decoder on every untrusted upload. The scan rides on the one
 * read that encrypts the file and takes its SHA-256.
 */
@Component
public class AttachmentIntake {

    private static final Logger log = LoggerFactory.getLogger(AttachmentIntake.class);

    private final EncryptedFiles files;
    private final MessagingProperties settings;

    AttachmentIntake(EncryptedFiles files, MessagingProperties settings) {
        this.files = files;
        this.settings = settings;
    }

    /** Why an attachment was refused; {@code tooLarge} answers 413, the others 415 or 400. */
    public static final class RefusedException extends Exception {
        private final String key;
        private final int status;

        RefusedException(String key, int status) {
            super(key, null, false, false);
            this.key = key;
            this.status = status;
        }

        public String key() {
            return key;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Stores the attachment whose first bytes are {@code head} (up to {@link AttachmentTypes#HEAD_SIZE}) and whose
     * remaining bytes follow in {@code rest}.
     *
     * @param allowed the most bytes this file may have: the per-file limit or what is left of the patient's quota
     */
    public Upload accept(String name, byte[] head, int headLength, InputStream rest, long allowed) throws RefusedException, IOException {
        AttachmentTypes.Verdict verdict = AttachmentTypes.check(name, head, headLength);
        if (!verdict.accepted()) {
            throw refused(verdict.refusal());
        }
        long limit = Math.min(allowed, settings.maxAttachmentSize().toBytes());
        String tooLarge = allowed < settings.maxAttachmentSize().toBytes() ? "messages.attachment.quota" : "messages.attachment.tooLarge";
        if (headLength > limit) {
            throw new RefusedException(tooLarge, 413);
        }
        try {
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), rest);
            StoredFile file = files.store(new MarkupRefusingStream(new Limited(whole, limit)), MessagingConfiguration.ATTACHMENT_PURPOSE);
            return new Upload(name, verdict.type(), file);
        } catch (Limited.ExceededException e) {
            throw new RefusedException(tooLarge, 413);
        } catch (MarkupRefusingStream.MarkupFoundException e) {
            throw refused(AttachmentTypes.Refusal.MARKUP);
        } catch (StorageFailedException e) {
            log.warn("An attachment could not be stored ({}); the message was refused with its text kept", e.getCause().getClass().getSimpleName());
            throw new RefusedException("messages.attachment.storage", 503);
        }
    }

    private static RefusedException refused(AttachmentTypes.Refusal refusal) {
        return new RefusedException("messages.attachment." + refusal.name().toLowerCase(Locale.ROOT),
                refusal == AttachmentTypes.Refusal.NAME ? 400 : 415);
    }

    /** Removes stored files that will not be put on a message (a refused or repeated form). */
    public void discard(List<Upload> uploads) {
        for (Upload upload : uploads) {
            try {
                files.delete(upload.file().id());
            } catch (IOException | RuntimeException e) {
                // the start-up sweep removes files no message claims
                log.warn("Could not remove unused attachment file {}: {}", upload.file().id(), e.getClass().getSimpleName());
            }
        }
    }

    public int maxAttachments() {
        return settings.maxAttachments();
    }

    /** Fails as soon as more than the limit has been read. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        static final class ExceededException extends IOException {
            ExceededException() {
                super("attachment over its limit");
            }
        }

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) {
                throw new ExceededException();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (read > 0 && (count += read) > limit) {
                throw new ExceededException();
            }
            return read;
        }
    }
}
