package io.hearth.system;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development certificate for https://localhost, made on first start and reused after.
 * The JDK has no public API to issue a certificate, so Bouncy Castle's builder does it.
 */
final class SelfSignedCertificate {

    static final String ALIAS = "localhost";
    private static final Duration VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path keyStore;
    private final Path passwordFile;

    SelfSignedCertificate(Path tlsDirectory) {
        this.keyStore = tlsDirectory.resolve("localhost.p12");
        this.passwordFile = tlsDirectory.resolve("localhost.p12.password");
    }

    Path keyStore() {
        return keyStore;
    }

    /** Makes the key store unless a usable one exists; returns its password. */
    String ensure(Instant now) {
        try {
            if (Files.exists(keyStore) && Files.exists(passwordFile)) {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
                if (validLongEnough(password, now)) {
                    return password;
                }
            }
            return create(now);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the self-signed TLS certificate in " + keyStore.getParent(), e);
        }
    }

    private boolean validLongEnough(String password, Instant now) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
        return certificate != null && certificate.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE));
    }

    private String create(Instant now) throws IOException, GeneralSecurityException, OperatorCreationException {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keyPair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=localhost, O=Hearth development certificate");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1") }));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keyPair.getPrivate(), password.toCharArray(), new Certificate[] { certificate });

        Files.createDirectories(keyStore.getParent());
        Path temporaryStore = Files.createTempFile(keyStore.getParent(), "localhost", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporaryStore)) {
            store.store(out, password.toCharArray());
        }
        Path temporaryPassword = Files.createTempFile(keyStore.getParent(), "password", ".tmp");
        Files.writeString(temporaryPassword, password, StandardCharsets.UTF_8);
        OwnerOnly.restrict(temporaryStore);
        OwnerOnly.restrict(temporaryPassword);
        Files.move(temporaryPassword, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temporaryStore, keyStore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }
}
