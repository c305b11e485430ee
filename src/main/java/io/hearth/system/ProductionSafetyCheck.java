package io.hearth.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the prod profile with any setting that is only safe on a developer's machine, naming every
 * problem at once so the operator fixes them in one go. Runs before anything touches the database or the network.
 */
class ProductionSafetyCheck implements EnvironmentPostProcessor, Ordered {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "hearth", "postgres", "password", "changeme", "secret", "admin");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettingsException(problems);
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        String databaseUrl = environment.getProperty("spring.datasource.url", "");
        if (databaseUrl.startsWith("jdbc:h2:")) {
            problems.add("the database is the embedded H2 database; set HEARTH_DB_URL to PostgreSQL");
        }
        if (WELL_KNOWN_PASSWORDS.contains(environment.getProperty("spring.datasource.password", "").toLowerCase(Locale.ROOT))) {
            problems.add("the database password is empty or a well-known default; set HEARTH_DB_PASSWORD");
        }
        if (environment.getProperty("hearth.db.owner-username", "").equals(environment.getProperty("hearth.db.username", ""))) {
            problems.add("the portal would connect as the role that owns the schema, and could rewrite the audit trail;"
                    + " set HEARTH_DB_OWNER_USERNAME (migrations) to a different role than HEARTH_DB_USERNAME");
        }
        if (!TlsSettings.operatorCertificateConfigured(environment)) {
            problems.add("no TLS certificate is configured, and the self-signed development certificate is not allowed;"
                    + " set server.ssl.certificate and server.ssl.certificate-private-key (PEM) or server.ssl.key-store");
        }
        if (environment.getProperty("hearth.demo.enabled", Boolean.class, false)) {
            problems.add("demo data is switched on; set HEARTH_DEMO_ENABLED=false");
        }
        if (environment.getProperty("hearth.crypto.master-passphrase", "").isBlank()
                && environment.getProperty("hearth.crypto.master-passphrase-file", "").isBlank()) {
            problems.add("no master key passphrase is configured; set HEARTH_MASTER_PASSPHRASE or HEARTH_MASTER_PASSPHRASE_FILE");
        }
        String from = environment.getProperty("hearth.notifications.from", "");
        if (from.isBlank() || from.endsWith("@localhost")) {
            problems.add("notices would be sent from " + (from.isBlank() ? "no address" : from) + "; set HEARTH_MAIL_FROM to the practice's address");
        }
        String baseUrl = environment.getProperty("hearth.base-url", "");
        if (!baseUrl.startsWith("https://") || baseUrl.startsWith("https://localhost")) {
            problems.add("the public address is not set; set HEARTH_BASE_URL to the portal's https:// address");
        }
        return problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
