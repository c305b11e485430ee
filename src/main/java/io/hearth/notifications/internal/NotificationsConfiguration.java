package io.hearth.notifications.internal;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Key rotation reaches the outbox's encrypted columns; the background sender is scheduled. */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    @Bean
    ReencryptionTarget noticeRecipients(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, OutboxNotice.RECIPIENT, "id");
    }

    @Bean
    ReencryptionTarget noticeFirstNames(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, OutboxNotice.FIRST_NAME, "id");
    }

    @Bean
    ReencryptionTarget noticeLinks(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, OutboxNotice.LINK, "id");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hearth.notifications.background", havingValue = "true", matchIfMissing = true)
    @EnableScheduling
    static class Scheduling {
    }
}
