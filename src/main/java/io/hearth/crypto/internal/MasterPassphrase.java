package io.hearth.crypto.internal;

import io.hearth.crypto.CryptoProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the master key passphrase: from the settings, from a file, or (demo mode only) generated once. */
final class MasterPassphrase {

    static final String DEMO_FILE = "demo-passphrase";
    static final int MIN_LENGTH = 16;
    private static final Logger log = LoggerFactory.getLogger(MasterPassphrase.class);

    private MasterPassphrase() {
    }

    static char[] resolve(CryptoProperties settings, boolean demo, Path keysDir, SecureRandom random) {
        boolean inline = settings.masterPassphrase() != null && !settings.masterPassphrase().isBlank();
        boolean inFile = settings.masterPassphraseFile() != null && !settings.masterPassphraseFile().toString().isBlank();
        if (inline && inFile) {
            throw new MasterKeyUnavailableException("Both hearth.crypto.master-passphrase and hearth.crypto.master-passphrase-file are set; set only one");
        }
        String passphrase;
        if (inline) {
            passphrase = settings.masterPassphrase();
        } else if (inFile) {
            passphrase = firstLine(settings.masterPassphraseFile());
        } else if (demo) {
            passphrase = demoPassphrase(keysDir, random);
        } else {
            throw new MasterKeyUnavailableException("No master key passphrase is configured: set HEARTH_MASTER_PASSPHRASE,"
                    + " or HEARTH_MASTER_PASSPHRASE_FILE to a file readable only by the service account"
                    + " (only demo mode generates a passphrase by itself)");
        }
        if (passphrase.length() < MIN_LENGTH) {
            throw new MasterKeyUnavailableException("The master key passphrase is shorter than " + MIN_LENGTH + " characters");
        }
        return passphrase.toCharArray();
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("The master key passphrase file " + file + " cannot be read", e);
        }
    }

    private static String demoPassphrase(Path keysDir, SecureRandom random) {
        Path file = keysDir.resolve(DEMO_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                PrivateFiles.directory(keysDir);
                PrivateFiles.write(file, (Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            log.warn("Demo mode: the master key passphrase is kept in plain text in {}; this protects nothing and is for"
                    + " demonstration only. Real installations set HEARTH_MASTER_PASSPHRASE.", file);
            return firstLine(file);
        } catch (IOException e) {
            throw new MasterKeyUnavailableException("The demo passphrase file " + file + " cannot be written", e);
        }
    }
}
