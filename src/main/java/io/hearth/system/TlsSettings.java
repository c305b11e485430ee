package io.hearth.system;

import java.util.stream.Stream;
import org.springframework.core.env.Environment;

final class TlsSettings {

    private TlsSettings() {
    }

    static boolean operatorCertificateConfigured(Environment environment) {
        return Stream.of("server.ssl.key-store", "server.ssl.certificate", "server.ssl.bundle")
                .anyMatch(key -> !environment.getProperty(key, "").isBlank());
    }
}
