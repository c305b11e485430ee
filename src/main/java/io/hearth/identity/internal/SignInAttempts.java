package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every failed sign-in step (password, authenticator code, recovery code) counts toward the account's lockout and the
 * client address's throttle; a refused passkey toward the throttle only. Only a completed sign-in (a second step, or a
 * passkey) resets the account's count: a password alone must not, or someone who knows it could guess codes for ever.
 */
@Component
class SignInAttempts {

    private final Lockout lockout;
    private final AddressThrottle throttle;
    private final EmailIndex emailIndex;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Notices notices;
    private final HearthProperties hearth;
    private final io.hearth.crypto.FieldCipher cipher;
    private final TransactionTemplate transaction;

    SignInAttempts(Lockout lockout, AddressThrottle throttle, EmailIndex emailIndex, AccountRepository accounts, AuditLog audit,
            Notices notices, HearthProperties hearth, io.hearth.crypto.FieldCipher cipher, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.lockout = lockout;
        this.throttle = throttle;
        this.emailIndex = emailIndex;
        this.accounts = accounts;
        this.audit = audit;
        this.notices = notices;
        this.hearth = hearth;
        this.cipher = cipher;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            throttle.recordFailure(request.getRequest().getRemoteAddr());
        }
        // a refused passkey names no account anyone proved anything about (the browser sends the user handle), and
        // its signature cannot be guessed: it counts toward the address throttle only
        if (event.getException() instanceof BadCredentialsException && !(event.getAuthentication() instanceof WebAuthnAuthenticationRequestToken)) {
            countFailure(event.getAuthentication().getName());
        }
    }

    /**
     * Counts one failure toward the account's lockout; a failure that locks it is audited and its owner told. Also
     * for a wrong password typed again on an account page (before a change to how the user signs in).
     */
    void countFailure(String typedName) {
        lockout.recordFailure(typedName, emailIndex.of(typedName)).ifPresent(this::locked);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (Factors.hasSecondFactor(event.getAuthentication())) {
            lockout.recordSuccess(event.getAuthentication().getName());
        }
    }

    private void locked(UUID accountId) {
        audit.record(AuditEvent.of(AuditAction.ACCOUNT_LOCKED, AuditOutcome.SUCCESS).object("account", accountId));
        transaction.executeWithoutResult(status -> accounts.findById(accountId).flatMap(account ->
                account.notice(NoticeType.ACCOUNT_LOCKED, hearth.baseUrl() + "/signin", cipher)).ifPresent(notices::queue));
    }
}
