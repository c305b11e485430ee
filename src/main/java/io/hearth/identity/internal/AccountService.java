package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.IdentityProperties;
import io.hearth.notifications.Notice;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements Accounts {

    // no '@': a name with one is an email address, so usernames and email addresses never collide
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{3,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final EmailIndex emailIndex;
    private final Lockout lockout;
    private final PasswordHistory history;
    private final IdentityProperties.Password passwordSettings;
    private final Notices notices;
    private final HearthProperties hearth;

    AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Clock clock, FieldCipher cipher,
            AuditLog audit, EmailIndex emailIndex, Lockout lockout, PasswordHistory history, IdentityProperties properties,
            Notices notices, HearthProperties hearth) {
        this.history = history;
        this.passwordSettings = properties.password();
        this.notices = notices;
        this.hearth = hearth;
        this.cipher = cipher;
        this.audit = audit;
        this.emailIndex = emailIndex;
        this.lockout = lockout;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID create(String username, String displayName, char[] password, Set<Role> roles) {
        String key = Usernames.key(username);
        if (!USERNAME.matcher(key).matches()) {
            throw new AccountRejectedException("A username has 3 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new AccountRejectedException("A display name has 1 to 200 characters and no control characters.");
        }
        if (roles.isEmpty()) {
            throw new AccountRejectedException("An account needs at least one role.");
        }
        String normalised = PasswordPolicy.normalise(password);
        policy.check(normalised, username, displayName);
        if (accounts.existsByUsernameKey(key)) {
            throw new AccountRejectedException("That username is taken.");
        }
        try {
            UUID id = accounts.saveAndFlush(new Account(username, displayName, encoder.encode(normalised), roles, clock.instant(), cipher)).id();
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ACCOUNT_CREATED, AuditOutcome.SUCCESS).object("account", id).because(roles.toString()));
            return id;
        } catch (DataIntegrityViolationException raceLost) {
            throw new AccountRejectedException("That username is taken.");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> patientOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).flatMap(Account::patientId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> displayNameOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).map(account -> account.displayName(cipher));
    }

    @Override
    @Transactional
    public void changeEmail(String username, String email) {
        String normalised = Usernames.key(email);
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw new AccountRejectedException("That is not an email address.");
        }
        String index = emailIndex.of(normalised);
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        if (accounts.findByEmailIndex(index).filter(other -> !other.id().equals(account.id())).isPresent()) {
            throw new AccountRejectedException("Another account uses that email address.");
        }
        account.changeEmail(normalised, index, cipher);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", account.id())
                .because("email address changed"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).flatMap(account -> account.email(cipher));
    }

    @Override
    @Transactional
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        Account account = accounts.lockByUsernameKey(Usernames.key(username)).orElseThrow();
        if (!encoder.matches(new String(currentPassword), account.passwordHash())) {
            throw new AccountRejectedException("Your current password is not right.");
        }
        String normalised = PasswordPolicy.normalise(newPassword);
        policy.check(normalised, account.username(), account.displayName(cipher), account.email(cipher).orElse(null));
        boolean reused = encoder.matches(normalised, account.passwordHash())
                || history.recent(account.id(), passwordSettings.history() - 1).stream().anyMatch(old -> encoder.matches(normalised, old));
        if (reused) {
            throw new AccountRejectedException("Choose a password you have not used before (the last " + passwordSettings.history()
                    + " cannot be used again).");
        }
        history.add(account.id(), account.changePassword(encoder.encode(normalised), clock.instant()), clock.instant());
        audit.recordAfterCommit(AuditEvent.of(AuditAction.PASSWORD_CHANGED, AuditOutcome.SUCCESS).object("account", account.id()));
        account.email(cipher).ifPresent(email -> notices.queue(new Notice(NoticeType.PASSWORD_CHANGED, email,
                FirstNames.of(account.displayName(cipher)), hearth.baseUrl() + "/signin")));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean passwordExpired(String username) {
        return accounts.findByUsernameKey(Usernames.key(username))
                .map(account -> account.passwordExpired(clock.instant(), passwordSettings.maxAge())).orElse(false);
    }

    @Override
    public boolean unlock(String username) {
        boolean wasLocked = lockout.unlock(username);
        if (wasLocked) {
            audit.record(AuditEvent.of(AuditAction.ACCOUNT_UNLOCKED, AuditOutcome.SUCCESS).object("account", Usernames.key(username)));
        }
        return wasLocked;
    }

    @Override
    @Transactional
    public void linkPatient(String username, UUID patient) {
        accounts.findByUsernameKey(Usernames.key(username)).orElseThrow().linkPatient(patient);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsernameKey(Usernames.key(username));
    }
}
