package io.hearth.identity.internal;

import io.hearth.system.HearthProperties;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys through Spring Security's WebAuthn support, kept in its JDBC tables (migration V14). The relying party is
 * the configured base URL ({@code hearth.base-url}): its host is the relying party id and its origin the only one
 * accepted, whatever Host header a request carries.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        return new PasskeyCredentials(new JdbcUserCredentialRepository(jdbc), clock, events, new TransactionTemplate(transactions));
    }

    /**
     * User verification is required, at registration and at every sign-in: only then is a passkey something the user
     * has (the device) unlocked by something they are or know (biometric or PIN), i.e. multi-factor on its own.
     */
    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, HearthProperties hearth) {
        URI base = hearth.baseUrl();
        var relyingParty = new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(base.getHost()).name(hearth.practiceName()).build(),
                Set.of(origin(base)));
        relyingParty.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                .userVerification(UserVerificationRequirement.REQUIRED)
                .residentKey(ResidentKeyRequirement.REQUIRED)
                .build()));
        relyingParty.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }

    /** scheme://host[:port], as a browser names the origin (no path, no default port). */
    static String origin(URI base) {
        boolean defaultPort = base.getPort() == -1 || base.getPort() == 443 && "https".equals(base.getScheme());
        return base.getScheme() + "://" + base.getHost() + (defaultPort ? "" : ":" + base.getPort());
    }
}
