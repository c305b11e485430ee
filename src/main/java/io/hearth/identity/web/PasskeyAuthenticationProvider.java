package io.hearth.identity.web;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;

/**
 * Spring Security's passkey sign-in, plus the account's state: Spring's provider checks only the passkey, so a locked
 * or disabled account would get in. After the passkey is proved, the account is checked like after a password
 * (locked and disabled accounts are refused with Spring's own exceptions, which do not count as another failure).
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final WebAuthnAuthenticationProvider passkey;
    private final UserDetailsService accounts;
    private final UserDetailsChecker accountState = new AccountStatusUserDetailsChecker();

    PasskeyAuthenticationProvider(WebAuthnAuthenticationProvider passkey, UserDetailsService accounts) {
        this.passkey = passkey;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Authentication signedIn = passkey.authenticate(attempt);
        accountState.check(accounts.loadUserByUsername(signedIn.getName()));
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passkey.supports(authentication);
    }
}
