package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.identity.Usernames;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.shared.Sha256;
import io.hearth.system.HearthProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SecondFactorService implements SecondFactors {

    private static final int RECOVERY_CODES = 10;
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Where an emailed code's link leads; the code rides in the fragment, which no server ever sees. */
    private static final String SIGN_IN_CODE_PAGE = "/signin/second-factor#code=";

    private final AccountRepository accounts;
    private final RecoveryCodeRepository recoveryCodes;
    private final FieldCipher cipher;
    private final Clock clock;
    private final AuditLog audit;
    private final HearthProperties hearth;
    private final PasswordConfirmation passwordConfirmation;
    private final EmailCodes emailCodes;
    private final Notices notices;
    private final IdentityProperties identity;
    private final EmailCodeSwitch emailCodeSwitch;
    private final SignInAttempts attempts;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    SecondFactorService(AccountRepository accounts, RecoveryCodeRepository recoveryCodes, FieldCipher cipher, Clock clock,
            AuditLog audit, HearthProperties hearth, PasswordConfirmation passwordConfirmation, EmailCodes emailCodes, Notices notices,
            IdentityProperties identity, EmailCodeSwitch emailCodeSwitch, SignInAttempts attempts,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.attempts = attempts;
        // its own transaction: the code's use is kept, and a failure's count (its own transaction too) never waits on
        // the account row that a caller's transaction would otherwise still hold
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.emailCodeSwitch = emailCodeSwitch;
        this.passwordConfirmation = passwordConfirmation;
        this.emailCodes = emailCodes;
        this.notices = notices;
        this.identity = identity;
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
        this.hearth = hearth;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasSecondFactor(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).map(Account::hasAuthenticatorApp).orElse(false);
    }

    @Override
    public String newAuthenticatorSecret() {
        return AuthenticatorCodes.newSecret();
    }

    @Override
    public String provisioningUri(String username, String secret) {
        String issuer = URLEncoder.encode(hearth.practiceName(), StandardCharsets.UTF_8).replace("+", "%20");
        String label = issuer + ":" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + issuer + "&algorithm=SHA1&digits=6&period=30";
    }

    @Override
    @Transactional
    public List<String> enrolAuthenticatorApp(String username, String secret, String code) {
        Account account = accounts.lockByUsernameKey(Usernames.key(username))
                .orElseThrow(() -> new AccountRejectedException("identity.refused.enrolCode"));
        if (account.hasAuthenticatorApp()) {
            throw new AccountRejectedException("identity.refused.alreadyEnrolled");
        }
        OptionalLong step = AuthenticatorCodes.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new AccountRejectedException("identity.refused.enrolCode");
        }
        account.enrolAuthenticatorApp(secret, step.getAsLong(), cipher);
        List<String> codes = replaceRecoveryCodes(account);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.SECOND_FACTOR_CHANGED, AuditOutcome.SUCCESS)
                .object("account", account.id()).because("authenticator app enrolled"));
        return codes;
    }

    @Override
    @Transactional(readOnly = true)
    public long unusedRecoveryCodes(String username) {
        return accounts.findByUsernameKey(Usernames.key(username))
                .map(account -> recoveryCodes.countByAccountIdAndUsedAtIsNull(account.id())).orElse(0L);
    }

    @Override
    @Transactional
    public List<String> regenerateRecoveryCodes(String username, char[] currentPassword) {
        passwordConfirmation.confirm(username, currentPassword);
        Account account = accounts.lockByUsernameKey(Usernames.key(username)).orElseThrow();
        List<String> codes = replaceRecoveryCodes(account);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.SECOND_FACTOR_CHANGED, AuditOutcome.SUCCESS)
                .object("account", account.id()).because("recovery codes regenerated"));
        return codes;
    }

    @Override
    @Transactional
    public Optional<Kind> verify(String username, String code) {
        // a locked account takes no codes at all, or a session that has the password could guess on uncounted
        Optional<Account> found = accounts.lockByUsernameKey(Usernames.key(username)).filter(Account::hasAuthenticatorApp)
                .filter(account -> !account.lockedAt(clock.instant()));
        if (found.isEmpty() || code == null) {
            return Optional.empty();
        }
        Account account = found.get();
        OptionalLong step = AuthenticatorCodes.matchingStep(account.authenticatorSecret(cipher), code, clock.instant());
        if (step.isPresent()) {
            return account.useTimeStep(step.getAsLong()) ? Optional.of(Kind.AUTHENTICATOR_APP) : Optional.empty();
        }
        if (recoveryCodes.findByAccountIdAndCodeHash(account.id(), recoveryHash(code)).filter(recovery -> recovery.use(clock.instant())).isPresent()) {
            return Optional.of(Kind.RECOVERY_CODE);
        }
        if (emailCodeOffered(account) && emailCodes.use(account.id(), code, clock.instant())) {
            return Optional.of(Kind.EMAIL_CODE);
        }
        return Optional.empty();
    }

    @Override
    public void confirm(String username, String code) {
        Optional<Kind> kind = transactions.execute(status -> verify(username, code == null ? null : code.strip()))
                .filter(factor -> factor != Kind.EMAIL_CODE);
        if (kind.isEmpty()) {
            attempts.countFailure(username);
            throw new AccountRejectedException("identity.refused.code");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean emailCodeOffered(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).filter(this::emailCodeOffered).isPresent();
    }

    @Override
    @Transactional
    public void sendEmailCode(String username) {
        // the row lock counts parallel requests one after the other
        Account account = accounts.lockByUsernameKey(Usernames.key(username)).filter(this::emailCodeOffered)
                .orElseThrow(() -> new AccountRejectedException("identity.refused.emailCodeUnavailable"));
        Instant now = clock.instant();
        IdentityProperties.EmailCode settings = identity.emailCode();
        if (emailCodes.sentSince(account.id(), now.minus(settings.sendWindow())) >= settings.maxSends()) {
            throw new AccountRejectedException("identity.refused.emailCodeLimit");
        }
        String code = emailCodes.issue(account.id(), now, settings.validity());
        notices.queue(account.notice(NoticeType.SIGN_IN_CODE, hearth.baseUrl() + SIGN_IN_CODE_PAGE + code, cipher).orElseThrow());
        audit.recordAfterCommit(AuditEvent.of(AuditAction.EMAIL_CODE_SENT, AuditOutcome.SUCCESS).object("account", account.id()));
    }

    /** Only patients get codes by email, never staff (nor a patient who is also staff), and only while switched on. */
    private boolean emailCodeOffered(Account account) {
        Set<Role> roles = account.roles();
        // only to an address its owner confirmed: a mistyped one would hand sign-in codes to a stranger
        return emailCodeSwitch.on() && roles.equals(Set.of(Role.PATIENT)) && account.emailConfirmed()
                && account.email(cipher).isPresent();
    }

    private List<String> replaceRecoveryCodes(Account account) {
        recoveryCodes.deleteByAccountId(account.id());
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomRecoveryCode();
            codes.add(code);
            recoveryCodes.save(new RecoveryCode(account.id(), recoveryHash(code), clock.instant()));
        }
        return codes;
    }

    /** 10 characters from a 31-letter alphabet (about 50 bits), shown as two groups of five. */
    private static String randomRecoveryCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET[RANDOM.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Recovery codes are long and random, so a plain SHA-256 suffices; typing variants (case, dashes) match. */
    private static String recoveryHash(String code) {
        String normalised = code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Sha256.hex(normalised);
    }
}
