package io.hearth.test.phi;

import io.hearth.crypto.ColumnReencryption;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.ReencryptionTarget;
import io.hearth.crypto.StoredFileReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** What a PHI module registers with the crypto module, plus an open filter chain for the test-only driver endpoints. */
@Configuration(proxyBeanMethods = false)
@Profile("phi-driver")
class PhiDriverConfiguration {

    @Bean
    ReencryptionTarget scratchNoteBody(JdbcClient jdbc, FieldCipher cipher, ScratchNotes notes) {
        // depends on ScratchNotes, which creates the table
        return new ColumnReencryption(jdbc, cipher, ScratchNotes.BODY, "id");
    }

    @Bean
    StoredFileReferences scratchNoteFiles(ScratchNotes notes) {
        return new StoredFileReferences() {
            @Override
            public String purpose() {
                return ScratchNotes.FILE_PURPOSE;
            }

            @Override
            public boolean references(String fileId) {
                return notes.references(fileId);
            }
        };
    }

    /** Test profile only: the driver is called by load generators without a session or CSRF token. */
    @Bean
    @Order(0)
    SecurityFilterChain phiDriverSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/test/phi/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
