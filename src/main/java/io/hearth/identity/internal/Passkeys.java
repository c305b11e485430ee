package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Usernames;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's passkeys as the security page shows them, and their removal. Spring Security's WebAuthn support registers
 * them and signs in with them; every addition and removal is audited and the owner is told by email.
 */
@Service
public class Passkeys {

    /** One passkey: Spring Security's credential id (base64url), the name its owner gave it, and when. */
    public record Passkey(String id, String name, Instant created, Instant lastUsed) {
    }

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final PasswordConfirmation passwordConfirmation;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Notices notices;
    private final FieldCipher cipher;
    private final HearthProperties hearth;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            PasswordConfirmation passwordConfirmation, AccountRepository accounts, AuditLog audit, Notices notices,
            FieldCipher cipher, HearthProperties hearth) {
        this.users = users;
        this.credentials = credentials;
        this.passwordConfirmation = passwordConfirmation;
        this.accounts = accounts;
        this.audit = audit;
        this.notices = notices;
        this.cipher = cipher;
        this.hearth = hearth;
    }

    @Transactional(readOnly = true)
    public List<Passkey> of(String username) {
        PublicKeyCredentialUserEntity user = users.findByUsername(username);
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .map(record -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
                        record.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::created))
                .toList();
    }

    /**
     * Checks the password typed before adding a passkey.
     *
     * @throws AccountRejectedException when it is not right (counted toward the lockout)
     */
    public void confirmPassword(String username, char[] password) {
        passwordConfirmation.confirm(username, password);
    }

    /**
     * Removes one of the user's own passkeys after checking their password again.
     *
     * @throws AccountRejectedException when the password is not right (counted toward the lockout), or the passkey is
     *     not one of theirs (the same answer whether it exists or not)
     */
    @Transactional
    public void remove(String username, String passkeyId, char[] password) {
        passwordConfirmation.confirm(username, password);
        PublicKeyCredentialUserEntity user = users.findByUsername(username);
        CredentialRecord record = parse(passkeyId).map(credentials::findByCredentialId).orElse(null);
        if (user == null || record == null || !record.getUserEntityUserId().equals(user.getId())) {
            throw new AccountRejectedException("identity.refused.passkeyNotYours");
        }
        credentials.delete(record.getCredentialId());
        changed(username, "passkey removed");
    }

    /** Removes every passkey of the user (an administrator's second-factor reset, which audits it); returns how many. */
    @Transactional
    public int removeAll(String username) {
        PublicKeyCredentialUserEntity user = users.findByUsername(username);
        if (user == null) {
            return 0;
        }
        List<CredentialRecord> all = credentials.findByUserId(user.getId());
        all.forEach(record -> credentials.delete(record.getCredentialId()));
        return all.size();
    }

    /** A passkey was just registered (by Spring Security, see {@link PasskeyCredentials}); within its transaction. */
    @EventListener
    void added(PasskeyCredentials.PasskeyAdded event) {
        PublicKeyCredentialUserEntity user = users.findById(event.userEntityId());
        if (user != null) {
            changed(user.getName(), "passkey added");
        }
    }

    /**
     * The account a passkey sign-in claimed, by the user handle in the assertion; for the audit of a failed sign-in
     * (the handle is a random id the browser sends, so an unknown or wrong one names no account).
     */
    Optional<String> claimedUsername(Authentication attempt) {
        if (attempt instanceof WebAuthnAuthenticationRequestToken token && token.getPrincipal() instanceof Bytes handle) {
            return Optional.ofNullable(users.findById(handle)).map(PublicKeyCredentialUserEntity::getName);
        }
        return Optional.empty();
    }

    private void changed(String username, String what) {
        accounts.findByUsernameKey(Usernames.key(username)).ifPresent(account -> {
            audit.recordAfterCommit(AuditEvent.of(AuditAction.SECOND_FACTOR_CHANGED, AuditOutcome.SUCCESS)
                    .object("account", account.id()).because(what));
            account.notice(NoticeType.SIGN_IN_METHOD_CHANGED, hearth.baseUrl() + "/account/security", cipher).ifPresent(notices::queue);
        });
    }

    private static Optional<Bytes> parse(String passkeyId) {
        try {
            return Optional.of(Bytes.fromBase64(passkeyId));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
