package io.hearth.identity.web;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A code typed on the second-factor page, for the signed-in (password-only) user; then the factor it proved. */
final class SecondFactorAuthenticationToken extends AbstractAuthenticationToken {

    private final String username;
    private transient String code;

    private SecondFactorAuthenticationToken(String username, String code, Collection<? extends GrantedAuthority> authorities,
            boolean authenticated) {
        super(authorities);
        this.username = username;
        this.code = code;
        setAuthenticated(authenticated);
    }

    static SecondFactorAuthenticationToken unverified(String username, String code) {
        return new SecondFactorAuthenticationToken(username, code, List.of(), false);
    }

    static SecondFactorAuthenticationToken verified(String username, GrantedAuthority factor) {
        return new SecondFactorAuthenticationToken(username, null, List.of(factor), true);
    }

    @Override
    public Object getCredentials() {
        return code;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        code = null;
    }
}
