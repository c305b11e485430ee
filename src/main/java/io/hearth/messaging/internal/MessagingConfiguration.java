package io.hearth.messaging.internal;

import io.hearth.crypto.StoredFileReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Claims messaging's stored files for the sweep (key rotation finds its encrypted columns by itself). */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The purpose attachments are stored under in the encrypted file store. */
    static final String ATTACHMENT_PURPOSE = "attachment";

    @Bean
    StoredFileReferences messageAttachments(AttachmentRepository attachments) {
        return new StoredFileReferences() {
            @Override
            public String purpose() {
                return ATTACHMENT_PURPOSE;
            }

            @Override
            public boolean references(String fileId) {
                return attachments.existsByFileId(fileId);
            }
        };
    }
}
