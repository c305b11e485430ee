package io.hearth.identity.internal;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/** The factor authorities Hearth grants beyond Spring Security's own (password, WebAuthn), and how they combine. */
public final class Factors {

    public static final String AUTHENTICATOR_APP = "FACTOR_TOTP";
    public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";
    /** A one-time code sent by email (patients only, see IdentityProperties.EmailCode). */
    public static final String EMAIL_CODE = "FACTOR_EMAIL_CODE";
    public static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;
    /** A passkey with user verification (granted by Spring Security's WebAuthn sign-in). */
    public static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    private Factors() {
    }

    /**
     * Whether the authentication is a complete sign-in: the password and a second factor, or a passkey (which is
     * multi-factor on its own).
     */
    public static boolean hasSecondFactor(Authentication authentication) {
        return has(authentication, AUTHENTICATOR_APP) || has(authentication, RECOVERY_CODE) || has(authentication, EMAIL_CODE)
                || has(authentication, PASSKEY);
    }

    public static boolean has(Authentication authentication, String factor) {
        return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(factor::equals);
    }

    /** The same person, roles and details, with the proved factors added. */
    public static Authentication adding(Authentication current, Collection<? extends GrantedAuthority> factors) {
        return current.toBuilder().authorities(authorities -> authorities.addAll(factors)).build();
    }
}
