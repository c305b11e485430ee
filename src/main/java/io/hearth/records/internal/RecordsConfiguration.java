package io.hearth.records.internal;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers the health record's encrypted column with key rotation. */
@Configuration(proxyBeanMethods = false)
class RecordsConfiguration {

    @Bean
    ReencryptionTarget recordDetails(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, RecordStore.DETAILS, "id");
    }
}
