package io.hearth.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Messaging settings ({@code hearth.messaging.*}, documented in application.yml and README.md).
 *
 * @param maxAttachmentSize largest attachment; the upload is refused (413) as soon as it grows past it
 * @param maxAttachments most attachments on one message
 * @param patientQuota most bytes of attachments kept for one patient, their own and the practice's together
 * @param staffNoticeInterval at most one email notice per staff member in this window; zero sends each at once
 * @param noticeCheckInterval how often held-back staff notices are looked for
 * @param maxBodyLength longest message body, in characters
 * @param maxSubjectLength longest subject, in characters
 */
@ConfigurationProperties("hearth.messaging")
public record MessagingProperties(
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("200MB") DataSize patientQuota,
        @DefaultValue("15m") Duration staffNoticeInterval,
        @DefaultValue("60s") Duration noticeCheckInterval,
        @DefaultValue("20000") int maxBodyLength,
        @DefaultValue("150") int maxSubjectLength) {

    /** The largest request body a message can need: every attachment at its limit, plus room for the text. */
    public long maxRequestSize() {
        return maxAttachments * (maxAttachmentSize.toBytes() + 16 * 1024) + 4L * maxBodyLength + 64 * 1024;
    }
}
