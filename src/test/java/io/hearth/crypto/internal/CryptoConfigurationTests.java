package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.hearth.crypto.BlindIndex;
import io.hearth.crypto.CryptoProperties;
import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.EncryptedFiles;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.KeyBackup;
import io.hearth.crypto.KeyRotation;
import io.hearth.crypto.MasterKeySource;
import io.hearth.system.HearthProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The module's wiring, in a small context with only its own configuration: no web server, no JPA. */
class CryptoConfigurationTests {

    @TempDir
    Path dataDir;

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(CryptoConfiguration.class)
                .withBean(JdbcClient.class, () -> JdbcClient.create(CryptoFixture.migratedDatabase()))
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(HearthProperties.class, () -> new HearthProperties(dataDir, null, "Hearth", new HearthProperties.Http(-1), java.time.ZoneOffset.UTC));
    }

    @Test
    void demoModeStartsWithAGeneratedPassphrase() {
        runner().withPropertyValues("hearth.demo.enabled=true")
                .withBean(CryptoProperties.class, () -> new CryptoProperties(null, null))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(FieldCipher.class).hasSingleBean(BlindIndex.class).hasSingleBean(EncryptedFiles.class)
                            .hasSingleBean(KeyRotation.class).hasSingleBean(KeyBackup.class);
                    assertThat(dataDir.resolve("keys/demo-passphrase")).exists();
                    assertThat(dataDir.resolve("keys/master.key")).exists();
                });
    }

    @Test
    void withoutPassphraseOrDemoModeTheStartFails() {
        runner().withBean(CryptoProperties.class, () -> new CryptoProperties(null, null))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(MasterKeyUnavailableException.class).hasMessageContaining("No master key passphrase"));
    }

    @Test
    void anotherMasterKeySourceReplacesThePassphraseFile() throws Exception {
        Aead kmsStandIn = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class);
        runner().withBean(CryptoProperties.class, () -> new CryptoProperties(null, null))
                .withBean(MasterKeySource.class, () -> () -> kmsStandIn)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var column = EncryptedColumn.of("patient", "name_ciphertext");
                    FieldCipher cipher = context.getBean(FieldCipher.class);
                    assertThat(cipher.decrypt(cipher.encrypt("Ada", column.at(1)), column.at(1))).isEqualTo("Ada");
                    assertThat(dataDir.resolve("keys")).doesNotExist();
                });
    }
}
