package io.hearth.crypto.internal;

import io.hearth.crypto.BlindIndex;
import io.hearth.crypto.CryptoProperties;
import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.KeyBackup;
import io.hearth.crypto.KeyRotation;
import io.hearth.crypto.MasterKeySource;
import io.hearth.crypto.ReencryptionTarget;
import io.hearth.crypto.StoredFileReferences;
import io.hearth.system.HearthProperties;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MasterKeySource.class)
    MasterKeySource passphraseMasterKeySource(CryptoProperties settings, HearthProperties hearth,
            @Value("${hearth.demo.enabled:false}") boolean demo) {
        Path keys = hearth.dataDir().resolve("keys");
        SecureRandom random = new SecureRandom();
        char[] passphrase = MasterPassphrase.resolve(settings, demo, keys, random);
        try {
            return new PassphraseMasterKeySource(keys, passphrase, Argon2Kdf.DEFAULT_COST, random);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    // the JdbcClient bean, not the DataSource, so the keysets are read only after Flyway has made the table
    @Bean
    KeysetStore keysetStore(JdbcClient jdbc, Clock clock) {
        return new KeysetStore(jdbc, clock);
    }

    @Bean
    Keysets keysets(KeysetStore store, MasterKeySource masterKeySource, Clock clock) {
        return new Keysets(store, masterKeySource, clock);
    }

    @Bean
    FieldCipher fieldCipher(Keysets keysets, ApplicationEventPublisher events) {
        return new TinkFieldCipher(keysets, events::publishEvent);
    }

    @Bean
    BlindIndex blindIndex(Keysets keysets) {
        return new TinkBlindIndex(keysets);
    }

    @Bean
    EncryptedFiles encryptedFiles(Keysets keysets, HearthProperties hearth, ApplicationEventPublisher events) {
        return new TinkEncryptedFiles(keysets, hearth.dataDir().resolve("files"), new SecureRandom(), events::publishEvent);
    }

    @Bean
    @ConditionalOnWebApplication
    StoredFileSweep storedFileSweep(HearthProperties hearth, ObjectProvider<StoredFileReferences> references, Clock clock) {
        return new StoredFileSweep(hearth.dataDir().resolve("files"), references.orderedStream().toList(), clock);
    }

    @Bean
    KeyRotation keyRotation(Keysets keysets, FieldCipher fieldCipher, ObjectProvider<ReencryptionTarget> targets) {
        return new TinkKeyRotation(keysets, fieldCipher, targets.orderedStream().toList());
    }

    @Bean
    KeyBackup keyBackup(KeysetStore store, MasterKeySource masterKeySource, Clock clock) {
        return new KeyMaterialBackup(store, masterKeySource, clock);
    }
}
