package io.hearth.identity.web;

import io.hearth.identity.internal.Factors;
import io.hearth.identity.SecondFactors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

final class SecondFactorAuthenticationProvider implements AuthenticationProvider {

    private final SecondFactors secondFactors;

    SecondFactorAuthenticationProvider(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        return secondFactors.verify(username, (String) authentication.getCredentials())
                .map(kind -> SecondFactorAuthenticationToken.verified(username, FactorGrantedAuthority.withAuthority(switch (kind) {
                    case AUTHENTICATOR_APP -> Factors.AUTHENTICATOR_APP;
                    case RECOVERY_CODE -> Factors.RECOVERY_CODE;
                    case EMAIL_CODE -> Factors.EMAIL_CODE;
                }).build()))
                .orElseThrow(() -> new BadCredentialsException("second factor refused"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SecondFactorAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
