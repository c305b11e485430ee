package io.hearth.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class ProductionMailSettingsTests {

    @Test
    void theProdProfileRequiresStartTls() throws Exception {
        List<PropertySource<?>> prod = new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));

        assertThat(prod).anySatisfy(source -> {
            assertThat(String.valueOf(source.getProperty("spring.mail.properties.mail.smtp.starttls.required"))).isEqualTo("true");
            assertThat(String.valueOf(source.getProperty("spring.mail.properties.mail.smtp.starttls.enable"))).isEqualTo("true");
        });
    }
}
