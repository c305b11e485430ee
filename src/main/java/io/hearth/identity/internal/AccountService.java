package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import io.hearth.notifications.Notice;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
    private final PasswordResets resets;
    private final Duration resetLinkValidity;
    private final UserSessions sessions;
    private final EmailConfirmations confirmations;
    private final PatientLinks patientLinks;
    private final PasswordConfirmation passwordConfirmation;
    /** Long enough to find the email among others, short enough that an old link in a mailbox is worth little. */
    private static final Duration CONFIRMATION_LINK_VALIDITY = Duration.ofDays(7);
    private static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Clock clock, FieldCipher cipher,
            AuditLog audit, EmailIndex emailIndex, Lockout lockout, PasswordHistory history, IdentityProperties properties,
            Notices notices, HearthProperties hearth, PasswordResets resets, UserSessions sessions, EmailConfirmations confirmations,
            PatientLinks patientLinks, PasswordConfirmation passwordConfirmation) {
        this.patientLinks = patientLinks;
        this.passwordConfirmation = passwordConfirmation;
        this.resets = resets;
        this.confirmations = confirmations;
        this.sessions = sessions;
        this.resetLinkValidity = properties.resetLinkValidity();
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
            throw new AccountRejectedException("identity.refused.usernameForm");
        }
        if (!Usernames.singleScript(key)) {
            throw new AccountRejectedException("identity.refused.usernameScripts");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new AccountRejectedException("identity.refused.displayName");
        }
        if (roles.isEmpty()) {
            throw new AccountRejectedException("identity.refused.noRole");
        }
        String normalised = PasswordPolicy.normalise(password);
        policy.check(normalised, username, displayName);
        // a look-alike gets the same answer as the name itself; the unique look-alike key also refuses one racing in
        if (accounts.existsByUsernameKey(key) || accounts.existsByUsernameSkeleton(Usernames.lookAlikeKey(key))) {
            throw new AccountRejectedException("identity.refused.usernameTaken");
        }
        try {
            UUID id = accounts.saveAndFlush(new Account(username, displayName, encoder.encode(normalised), roles, clock.instant(), cipher)).id();
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ACCOUNT_CREATED, AuditOutcome.SUCCESS).object("account", id).because(roles.toString()));
            return id;
        } catch (DataIntegrityViolationException raceLost) {
            throw new AccountRejectedException("identity.refused.usernameTaken");
        }
    }

    @Override
    @Transactional
    public UUID inviteStaff(String username, String displayName, String email, Set<Role> roles) {
        if (roles.isEmpty() || roles.contains(Role.PATIENT)) {
            throw new AccountRejectedException("identity.refused.staffRoles");
        }
        UUID id = create(username, displayName, unusablePassword(), roles);
        changeEmail(username, email);
        String token = resets.issue(id, clock.instant(), INVITATION_VALIDITY);
        notices.queue(new Notice(NoticeType.STAFF_INVITATION, id, Usernames.key(email), FirstNames.of(displayName),
                hearth.baseUrl() + "/signin/reset?token=" + token));
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", id)
                .because("staff invitation sent"));
        return id;
    }

    /** A random password nobody is told: the account cannot be signed into until its owner sets one by the link. */
    private static char[] unusablePassword() {
        return RandomTokens.newToken().toCharArray();
    }

    @Override
    public Optional<UUID> patientOf(String username) {
        return patientLinks.of(username);
    }

    @Override
    public Optional<String> usernameOfPatient(UUID patientId) {
        return patientLinks.usernameOf(patientId);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<StaffMember> staff() {
        return accounts.findAll().stream().filter(account -> account.enabled() && !account.roles().contains(Role.PATIENT))
                .map(account -> new StaffMember(account.username(), account.displayName(cipher), account.roles(),
                        account.practitionerId().orElse(null)))
                .sorted(java.util.Comparator.comparing(StaffMember::username)).toList();
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean queueNotice(String username, NoticeType type, String link) {
        Optional<io.hearth.notifications.Notice> notice = accounts.findByUsernameKey(Usernames.key(username))
                .flatMap(account -> account.notice(type, link, cipher));
        return notice.map(notices::queue).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notice> noticesToEveryone(Role role, NoticeType type, String link) {
        return accounts.findAllHolding(role).stream().flatMap(account -> account.notice(type, link, cipher).stream()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).map(Account::id);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Role> rolesOf(UUID account) {
        return accounts.findById(account).map(Account::roles).orElse(Set.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> usernameOf(UUID account) {
        return accounts.findById(account).map(Account::username);
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
            throw new AccountRejectedException("identity.refused.emailForm");
        }
        if (!EmailIndex.localPartInOneScript(normalised)) {
            throw new AccountRejectedException("identity.refused.emailScripts");
        }
        String index = emailIndex.of(normalised);
        String lookAlikeIndex = emailIndex.lookAlikeOf(normalised);
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        if (java.util.stream.Stream.of(accounts.findByEmailIndex(index), accounts.findByEmailSkeletonIndex(lookAlikeIndex))
                .flatMap(Optional::stream).anyMatch(other -> !other.id().equals(account.id()))) {
            throw new AccountRejectedException("identity.refused.emailTaken");
        }
        account.changeEmail(normalised, index, lookAlikeIndex, cipher);
        try {
            accounts.flush(); // a look-alike racing in is refused here, with the same answer
        } catch (DataIntegrityViolationException raceLost) {
            throw new AccountRejectedException("identity.refused.emailTaken");
        }
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", account.id())
                .because("email address changed"));
    }

    @Override
    @Transactional
    public void sendEmailConfirmation(String username) {
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        if (account.email(cipher).isPresent()) {
            String token = confirmations.issue(account.id(), account.emailIndex(), clock.instant(), CONFIRMATION_LINK_VALIDITY);
            account.notice(NoticeType.EMAIL_CONFIRMATION, hearth.baseUrl() + "/signup/confirm?token=" + token, cipher).ifPresent(notices::queue);
        }
    }

    @Override
    @Transactional
    public boolean confirmEmail(String token) {
        Optional<Account> confirmed = confirmations.redeem(token, clock.instant()).flatMap(accounts::findById);
        confirmed.ifPresent(account -> {
            account.confirmEmail(clock.instant());
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", account.id())
                    .because("email address confirmed"));
        });
        return confirmed.isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean emailConfirmed(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).map(Account::emailConfirmed).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).flatMap(account -> account.email(cipher));
    }

    @Override
    @Transactional
    public void changePassword(String username, char[] currentPassword, char[] newPassword) {
        passwordConfirmation.confirm(username, currentPassword); // before the row lock: a wrong one counts toward the lockout
        Account account = accounts.lockByUsernameKey(Usernames.key(username)).orElseThrow();
        setPassword(account, newPassword, "changed by its owner");
    }

    @Override
    @Transactional
    public void changeOwnEmail(String username, char[] currentPassword, String newEmail) {
        passwordConfirmation.confirm(username, currentPassword);
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        Optional<io.hearth.notifications.Notice> toOldAddress = account.notice(NoticeType.EMAIL_CHANGED, hearth.baseUrl() + "/signin", cipher);
        changeEmail(username, newEmail);
        toOldAddress.ifPresent(notices::queue);
        sendEmailConfirmation(username);
    }

    /** The one way a password is set after the account exists: policy, history, hash, audit, notice, old links void. */
    private void setPassword(Account account, char[] newPassword, String how) {
        String normalised = PasswordPolicy.normalise(newPassword);
        policy.check(normalised, account.username(), account.displayName(cipher), account.email(cipher).orElse(null));
        boolean reused = encoder.matches(normalised, account.passwordHash())
                || history.recent(account.id(), passwordSettings.history() - 1).stream().anyMatch(old -> encoder.matches(normalised, old));
        if (reused) {
            throw new AccountRejectedException("identity.refused.passwordReused", passwordSettings.history());
        }
        history.add(account.id(), account.changePassword(encoder.encode(normalised), clock.instant()), clock.instant());
        resets.voidAll(account.id(), clock.instant());
        audit.recordAfterCommit(AuditEvent.of(AuditAction.PASSWORD_CHANGED, AuditOutcome.SUCCESS).object("account", account.id()).because(how));
        account.notice(NoticeType.PASSWORD_CHANGED, hearth.baseUrl() + "/signin", cipher).ifPresent(notices::queue);
    }

    @Override
    @Transactional
    public void sendPasswordReset(String usernameOrEmail) {
        String key = Usernames.key(usernameOrEmail);
        Optional<Account> found = key.contains("@") ? accounts.findByEmailIndex(emailIndex.of(key)) : accounts.findByUsernameKey(key);
        found.filter(account -> account.email(cipher).isPresent()).ifPresent(account -> {
            String token = resets.issue(account.id(), clock.instant(), resetLinkValidity);
            account.notice(NoticeType.PASSWORD_RESET, hearth.baseUrl() + "/signin/reset?token=" + token, cipher).ifPresent(notices::queue);
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", account.id())
                    .because("password reset link sent"));
        });
    }

    @Override
    @Transactional // a refused new password rolls the redemption back, so the same link can be used to try again
    public void resetPassword(String token, char[] newPassword) {
        UUID accountId = resets.redeem(token, clock.instant())
                .orElseThrow(() -> new AccountRejectedException("identity.refused.linkExpired"));
        Account account = accounts.findById(accountId).orElseThrow();
        setPassword(account, newPassword, "reset by email link");
        account.confirmEmail(clock.instant()); // the link reached its owner at this address
        lockout.unlock(account.username());
        // whoever knew the old password is signed out everywhere; the reset's own browser signs in afresh
        sessions.endAll(account.username(), "password reset");
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
            accounts.findByUsernameKey(Usernames.key(username)).ifPresent(account -> audit.record(
                    AuditEvent.of(AuditAction.ACCOUNT_UNLOCKED, AuditOutcome.SUCCESS).object("account", account.id())));
        }
        return wasLocked;
    }

    @Override
    @Transactional
    public void linkPatient(String username, UUID patient) {
        accounts.findByUsernameKey(Usernames.key(username)).orElseThrow().linkPatient(patient);
        patientLinks.forget(username);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean patientHasAccount(UUID patientId) {
        return accounts.existsByPatientId(patientId);
    }

    @Override
    @Transactional
    public void linkPractitioner(String username, UUID practitioner) {
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        account.linkPractitioner(practitioner);
        patientLinks.forget(username);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).object("account", account.id())
                .because(practitioner == null ? "practitioner link removed" : "linked to practitioner " + practitioner));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> practitionerOf(String username) {
        return accounts.findByUsernameKey(Usernames.key(username)).flatMap(Account::practitionerId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsernameKey(Usernames.key(username));
    }
}
