package io.hearth.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption settings. Exactly one way of giving the master key passphrase is needed, except in demo mode, where a
 * random one is generated into the data folder.
 *
 * @param masterPassphrase the passphrase protecting the master key file (env {@code HEARTH_MASTER_PASSPHRASE});
 *     at least 16 characters
 * @param masterPassphraseFile a file, readable by the service account only, whose first line is the passphrase
 *     (env {@code HEARTH_MASTER_PASSPHRASE_FILE})
 */
@ConfigurationProperties("hearth.crypto")
public record CryptoProperties(String masterPassphrase, Path masterPassphraseFile) {

    public boolean passphraseConfigured() {
        return (masterPassphrase != null && !masterPassphrase.isBlank())
                || (masterPassphraseFile != null && !masterPassphraseFile.toString().isBlank());
    }

    @Override
    public String toString() {
        return "CryptoProperties[masterPassphrase=" + (masterPassphrase == null || masterPassphrase.isEmpty() ? "(none)" : "(set)")
                + ", masterPassphraseFile=" + masterPassphraseFile + "]";
    }
}
