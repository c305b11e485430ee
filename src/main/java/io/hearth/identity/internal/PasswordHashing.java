package io.hearth.identity.internal;

import java.text.Normalizer;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    /**
     * Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane); the {id} prefix lets a later default upgrade old
     * hashes at sign-in. Every password is NFKC-normalised first, so it matches however the keyboard composed it.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2id";
        var delegate = new DelegatingPasswordEncoder(id, Map.of(id, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2)));
        return new NormalisingPasswordEncoder(delegate);
    }

    private record NormalisingPasswordEncoder(PasswordEncoder delegate) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(normalise(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return delegate.matches(normalise(rawPassword), encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }

        private static String normalise(CharSequence rawPassword) {
            return rawPassword == null ? null : Normalizer.normalize(rawPassword, Normalizer.Form.NFKC);
        }
    }
}
