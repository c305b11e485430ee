package io.hearth.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordAuthentication {

    /**
     * The password is checked before the account's state, not after: a locked or disabled account then costs the same
     * time as any other and answers with the same generic failure, so a lock reveals nothing about the account (or
     * whether it exists). Unknown usernames are hashed against a dummy by Spring Security for the same reason.
     */
    @Bean
    DaoAuthenticationProvider passwordAuthenticationProvider(AccountUserDetailsService accounts, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }
}
