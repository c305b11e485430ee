package io.hearth.identity.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Usernames;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, failed sign-in and sign-out goes to the audit trail. A failure names the account only when one
 * exists: what was typed into the username field is never stored, since people type passwords there by mistake.
 */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final AccountRepository accounts;
    private final Passkeys passkeys;

    SignInAudit(AuditLog audit, AccountRepository accounts, Passkeys passkeys) {
        this.audit = audit;
        this.accounts = accounts;
        this.passkeys = passkeys;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // which step succeeded: the password, a second factor (authenticator, recovery code, email code) or a passkey
        String factors = event.getAuthentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("FACTOR_")).sorted().collect(Collectors.joining(","));
        audit.record(AuditEvent.of(AuditAction.SIGN_IN_SUCCESS, AuditOutcome.SUCCESS).by(Actor.of(event.getAuthentication()))
                .because(factors.isEmpty() ? null : factors));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = passkeys.claimedUsername(event.getAuthentication()).orElse(event.getAuthentication().getName());
        var account = accounts.findByUsernameKey(Usernames.key(name));
        audit.record(AuditEvent.of(AuditAction.SIGN_IN_FAILURE, AuditOutcome.FAILURE).by(Actor.ANONYMOUS)
                .object("account", account.map(Account::id).orElse(null))
                .because(event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        audit.record(AuditEvent.of(AuditAction.SIGN_OUT, AuditOutcome.SUCCESS).by(Actor.of(event.getAuthentication())));
    }

}
