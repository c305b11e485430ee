package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ProductionMasterKeyCheckTests {

    @Test
    void prodNeedsAnExplicitMasterKeyPassphrase() {
        assertThat(ProductionSafetyCheck.problems(environment(Map.of()))).anyMatch(problem -> problem.contains("HEARTH_MASTER_PASSPHRASE"));
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("hearth.crypto.master-passphrase", " ")))).anyMatch(problem -> problem.contains("master key"));
    }

    @Test
    void passphraseOrPassphraseFileSatisfiesIt() {
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("hearth.crypto.master-passphrase", "a long master passphrase"))))
                .noneMatch(problem -> problem.contains("master key"));
        assertThat(ProductionSafetyCheck.problems(environment(Map.of("hearth.crypto.master-passphrase-file", "/run/secrets/hearth-master"))))
                .noneMatch(problem -> problem.contains("master key"));
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
