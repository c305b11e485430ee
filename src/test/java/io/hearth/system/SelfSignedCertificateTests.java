package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTests {

    @TempDir
    Path dataDir;

    @Test
    void isMadeOnFirstStartForLocalhostAndReusedAfter() throws Exception {
        var certificate = new SelfSignedCertificate(dataDir.resolve("tls"));
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        String password = certificate.ensure(now);
        X509Certificate first = load(certificate.keyStore(), password);
        String again = certificate.ensure(now.plus(Duration.ofDays(100)));

        assertThat(again).isEqualTo(password);
        assertThat(load(certificate.keyStore(), again).getSerialNumber()).isEqualTo(first.getSerialNumber());
        assertThat(first.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))).contains("localhost", "127.0.0.1");
        assertThat(Files.getPosixFilePermissions(certificate.keyStore())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void isRenewedShortlyBeforeItExpires() throws Exception {
        var certificate = new SelfSignedCertificate(dataDir.resolve("tls"));
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        X509Certificate first = load(certificate.keyStore(), certificate.ensure(now));

        String password = certificate.ensure(now.plus(Duration.ofDays(380)));

        assertThat(load(certificate.keyStore(), password).getSerialNumber()).isNotEqualTo(first.getSerialNumber());
    }

    private static X509Certificate load(Path keyStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(SelfSignedCertificate.ALIAS);
    }
}
