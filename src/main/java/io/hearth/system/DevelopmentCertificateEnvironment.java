package io.hearth.system;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves HTTPS out of the box: when the operator configured no certificate, a self-signed one for localhost is
 * made in the data folder on first start and reused after. The prod profile refuses to run this way.
 */
class DevelopmentCertificateEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SELF_SIGNED = "hearth.tls.self-signed";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getWebApplicationType() == WebApplicationType.NONE || TlsSettings.operatorCertificateConfigured(environment)) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("hearth.data-dir", "./data"));
        SelfSignedCertificate certificate = new SelfSignedCertificate(dataDirectory.resolve("tls"));
        String password = certificate.ensure(Instant.now());
        environment.getPropertySources().addLast(new MapPropertySource("hearthDevelopmentCertificate", Map.of(
                "server.ssl.key-store", certificate.keyStore().toAbsolutePath().toUri().toString(),
                "server.ssl.key-store-password", password,
                "server.ssl.key-store-type", "PKCS12",
                "server.ssl.key-alias", SelfSignedCertificate.ALIAS,
                SELF_SIGNED, "true")));
    }

    @Override
    public int getOrder() {
        return ProductionSafetyCheck.ORDER + 1;
    }
}
