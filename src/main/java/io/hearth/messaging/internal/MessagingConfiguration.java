package io.hearth.messaging.internal;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import io.hearth.crypto.StoredFileReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers messaging's encrypted columns with key rotation, and claims its stored files for the sweep. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The purpose attachments are stored under in the encrypted file store. */
    static final String ATTACHMENT_PURPOSE = "attachment";

    @Bean
    ReencryptionTarget messageThreadSubject(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, MessageThread.SUBJECT, "id");
    }

    @Bean
    ReencryptionTarget messageBody(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, Message.BODY, "id");
    }

    @Bean
    ReencryptionTarget messageAttachmentName(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, Attachment.NAME, "id");
    }

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
