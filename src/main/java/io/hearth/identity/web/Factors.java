package io.hearth.identity.web;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/** The factor authorities Hearth grants beyond Spring Security's own (password, WebAuthn). */
final class Factors {

    static final String AUTHENTICATOR_APP = "FACTOR_TOTP";
    static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";
    static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;

    private Factors() {
    }
}
