package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.HearthApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionProfileTests {

    /** Starts the portal with the prod profile and these settings given as on the command line. */
    private static void startProd(String... settings) {
        new SpringApplicationBuilder(HearthApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("prod")
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("hearth.data-dir=target/prod-check-data"), java.util.Arrays.stream(settings))
                        .map(setting -> "--" + setting).toArray(String[]::new));
    }

    @Test
    void refusesEveryUnsafeDefaultAtOnce() {
        assertThatThrownBy(() -> startProd("hearth.db.url=jdbc:h2:mem:x", "hearth.demo.enabled=true"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .satisfies(failure -> assertThat(((UnsafeProductionSettingsException) failure).problems()).hasSize(8))
                .hasMessageContaining("embedded H2")
                .hasMessageContaining("database password")
                .hasMessageContaining("self-signed")
                .hasMessageContaining("demo data")
                .hasMessageContaining("HEARTH_BASE_URL")
                .hasMessageContaining("master key passphrase")
                .hasMessageContaining("HEARTH_DB_OWNER_USERNAME")
                .hasMessageContaining("HEARTH_MAIL_FROM");
    }

    @Test
    void namesOnlyWhatIsStillWrong() {
        assertThatThrownBy(() -> startProd(
                "hearth.db.url=jdbc:postgresql://db.internal:5432/hearth",
                "hearth.db.password=a-long-random-database-password",
                "hearth.db.username=hearth_app",
                "hearth.db.owner-username=hearth_owner",
                "hearth.notifications.from=portal@example-practice.org",
                "hearth.base-url=https://portal.example-practice.org",
                "hearth.crypto.master-passphrase-file=/run/secrets/hearth-master-passphrase"))
                .isInstanceOfSatisfying(UnsafeProductionSettingsException.class,
                        failure -> assertThat(failure.problems()).singleElement().asString().contains("TLS certificate"));
    }

    @Test
    void theFailureIsExplainedInOneClearMessage() {
        var analysis = new UnsafeProductionSettingsFailureAnalyzer()
                .analyze(new UnsafeProductionSettingsException(java.util.List.of("first problem", "second problem")));

        assertThat(analysis.getDescription()).contains("refuses to start", "  - first problem", "  - second problem");
        assertThat(analysis.getAction()).contains("README");
    }
}
