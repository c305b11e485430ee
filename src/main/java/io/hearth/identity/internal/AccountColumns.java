package io.hearth.identity.internal;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets key rotation reach the identity module's encrypted columns. */
@Configuration(proxyBeanMethods = false)
class AccountColumns {

    @Bean
    ReencryptionTarget accountDisplayNames(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, Account.DISPLAY_NAME, "id");
    }
}
