package io.hearth.identity.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
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

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{3,64}");

    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final FieldCipher cipher;
    private final AuditLog audit;

    AccountService(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Clock clock, FieldCipher cipher,
            AuditLog audit) {
        this.cipher = cipher;
        this.audit = audit;
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
            throw new AccountRejectedException("A username has 3 to 64 letters, digits, dots, dashes, underscores or @.");
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
    public void linkPatient(String username, UUID patient) {
        accounts.findByUsernameKey(Usernames.key(username)).orElseThrow().linkPatient(patient);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsernameKey(Usernames.key(username));
    }
}
