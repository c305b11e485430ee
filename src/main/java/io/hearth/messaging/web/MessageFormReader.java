package io.hearth.messaging.web;

import io.hearth.messaging.internal.AttachmentIntake;
import io.hearth.messaging.internal.AttachmentTypes;
import io.hearth.messaging.internal.Upload;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a message form (text fields first, then up to five files) from the request as it streams in. The text is
 * kept whatever happens to a file, so a refused attachment never loses what the person typed; files already stored
 * for a refused form are removed.
 */
@Component
class MessageFormReader {

    /** Longest text field in bytes (UTF-8 may take four per character); longer ones are refused, not cut. */
    private static final int MAX_FIELD_BYTES = 100 * 1024;
    private static final int MAX_FIELDS = 20;

    private final AttachmentIntake intake;

    MessageFormReader(AttachmentIntake intake) {
        this.intake = intake;
    }

    /** What a message form held: text fields by name and the attachments, already stored. */
    record Received(Map<String, String> fields, List<Upload> uploads) {

        String field(String name) {
            return fields.get(name);
        }
    }

    /** A form refused as a whole; {@code fields} holds what was typed, to show it again. */
    static final class RefusedException extends Exception {
        final int status;
        final String key;
        final transient Map<String, String> fields;

        RefusedException(int status, String key, Map<String, String> fields) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.fields = fields;
        }
    }

    /** @param quotaLeft bytes the patient may still store; each file also has its own limit */
    Received read(HttpServletRequest request, long quotaLeft) throws RefusedException, IOException {
        MultipartReader reader = MultipartCsrfFilter.readerOf(request);
        Map<String, String> fields = new HashMap<>();
        if (reader == null) {
            throw new RefusedException(400, "messages.error.form", fields);
        }
        List<Upload> uploads = new ArrayList<>();
        long used = 0;
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                if (!part.isFile()) {
                    if (fields.size() >= MAX_FIELDS) {
                        throw new RefusedException(400, "messages.error.form", fields);
                    }
                    String value = text(part.content());
                    if (value == null) {
                        throw new RefusedException(413, "messages.error.body", fields);
                    }
                    fields.putIfAbsent(part.name(), value);
                    continue;
                }
                byte[] head = new byte[AttachmentTypes.HEAD_SIZE];
                int headLength = part.content().readNBytes(head, 0, head.length);
                if (part.filename().isEmpty() && headLength == 0) {
                    continue; // a file field left empty
                }
                if (uploads.size() >= intake.maxAttachments()) {
                    throw new RefusedException(413, "messages.attachment.tooMany", fields);
                }
                try {
                    Upload upload = intake.accept(part.filename(), head, headLength, part.content(), quotaLeft - used);
                    uploads.add(upload);
                    used += upload.file().size();
                } catch (AttachmentIntake.RefusedException e) {
                    throw new RefusedException(e.status(), e.key(), fields);
                }
            }
            return new Received(fields, uploads);
        } catch (RefusedException | MultipartReader.MalformedException e) {
            intake.discard(uploads);
            if (e instanceof RefusedException refused) {
                throw refused;
            }
            throw new RefusedException(400, "messages.error.form", fields);
        } catch (IOException | RuntimeException e) {
            intake.discard(uploads);
            throw e;
        }
    }

    void discard(List<Upload> uploads) {
        intake.discard(uploads);
    }

    /** The field as UTF-8, or null when it is longer than a field may be. */
    private static String text(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_FIELD_BYTES) {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
