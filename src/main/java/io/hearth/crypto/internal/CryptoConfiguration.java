package io.hearth.crypto.internal;

import io.hearth.crypto.BlindIndex;
import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.EncryptedColumn;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Rotation reaches every {@link EncryptedColumn} declared in the application's packages (each a plain column with
     * an {@code id} column) and any other {@link ReencryptionTarget} bean, such as a column of a different shape.
     */
    @Bean
    KeyRotation keyRotation(Keysets keysets, FieldCipher fieldCipher, ObjectProvider<ReencryptionTarget> registered, JdbcClient jdbc,
            ObjectProvider<PlatformTransactionManager> transactions, BeanFactory beans) {
        return new TinkKeyRotation(keysets, fieldCipher, () -> {
            Map<String, ReencryptionTarget> targets = new LinkedHashMap<>();
            for (EncryptedColumn column : DeclaredColumns.in(AutoConfigurationPackages.get(beans))) {
                ReencryptionTarget target = new ColumnReencryption(jdbc, fieldCipher, column, "id");
                targets.put(target.name(), target);
            }
            registered.orderedStream().forEach(target -> targets.putIfAbsent(target.name(), target));
            return List.copyOf(targets.values());
        }, () -> new TransactionTemplate(transactions.getObject()));
    }

    @Bean
    KeyBackup keyBackup(KeysetStore store, MasterKeySource masterKeySource, Clock clock) {
        return new KeyMaterialBackup(store, masterKeySource, clock);
    }
}
