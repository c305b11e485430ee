package io.hearth.medications.internal;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registers the renewal requests' encrypted columns with key rotation. */
@Configuration(proxyBeanMethods = false)
class MedicationsConfiguration {

    @Bean
    ReencryptionTarget renewalPharmacy(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, RenewalRequest.PHARMACY, "id");
    }

    @Bean
    ReencryptionTarget renewalNote(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, RenewalRequest.NOTE, "id");
    }

    @Bean
    ReencryptionTarget renewalChanges(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, RenewalRequest.CHANGES, "id");
    }

    @Bean
    ReencryptionTarget renewalReason(JdbcClient jdbc, FieldCipher cipher) {
        return new ColumnReencryption(jdbc, cipher, RenewalRequest.REASON, "id");
    }
}
