package io.hearth.identity.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to other people's accounts: see their state, unlock, disable (which ends their
 * sessions at once) and enable, send a password reset link, and reset the second factor after checking the person's
 * identity. Each action is audited with the administrator as actor; disabling and resetting need a reason.
 */
@Service
public class AccountAdministration {

    public static final int PAGE_SIZE = 50;
    static final int MAX_REASON = 500;

    /** An account as the administrators' list and page show it; never a hash, secret or address. */
    public record AccountState(UUID id, String username, String displayName, Set<Role> roles, boolean enabled, Instant lockedUntil,
            boolean emailConfirmed, boolean authenticatorApp, int passkeys, Instant createdAt, Instant lastSignedInAt, boolean dormant,
            boolean lookAlike) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final AccountRepository accounts;
    private final Accounts accountsApi;
    private final RecoveryCodeRepository recoveryCodes;
    private final Passkeys passkeys;
    private final UserSessions sessions;
    private final AuditLog audit;
    private final Notices notices;
    private final FieldCipher cipher;
    private final HearthProperties hearth;

    AccountAdministration(AccountRepository accounts, Accounts accountsApi, RecoveryCodeRepository recoveryCodes, Passkeys passkeys,
            UserSessions sessions, AuditLog audit, Notices notices, FieldCipher cipher, HearthProperties hearth) {
        this.accounts = accounts;
        this.accountsApi = accountsApi;
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.audit = audit;
        this.notices = notices;
        this.cipher = cipher;
        this.hearth = hearth;
    }

    /** Accounts whose username starts with the text typed (compared as usernames are), a page at a time. */
    @Transactional(readOnly = true)
    public List<AccountState> search(String usernameStart, int page) {
        String prefix = usernameStart == null || usernameStart.isBlank() ? "" : Usernames.key(usernameStart);
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return accounts.findByUsernameKeyStartingWith(escaped, PageRequest.of(Math.max(0, Math.min(page, 10_000)), PAGE_SIZE + 1,
                Sort.by("usernameKey"))).stream().map(this::state).toList();
    }

    /**
     * The dormancy report: accounts disabled because nobody used them, and enabled ones that will be at the next daily
     * run unless someone signs in (unused for longer than the dormancy period less {@code warning}).
     */
    @Transactional(readOnly = true)
    public List<AccountState> dormancyReport(Instant cutoff, java.time.Duration warning) {
        Instant unusedSince = cutoff == null ? Instant.EPOCH : cutoff.plus(warning); // dormancy off: only those already disabled
        return accounts.findDormantOrUnusedSince(unusedSince, PageRequest.of(0, 1000)).stream().map(this::state).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountState> find(UUID id) {
        return accounts.findById(id).map(this::state);
    }

    public boolean unlock(UUID id) {
        return accounts.findById(id).map(account -> accountsApi.unlock(account.username())).orElse(false);
    }

    /**
     * Disables the account and ends every session it has, so its owner is signed out at their next request.
     *
     * @throws AccountRejectedException without a reason, or for the administrator's own account
     */
    @Transactional
    public void disable(UUID id, String reason, Actor by) {
        Account account = other(id, by);
        String why = reason(reason);
        account.disable(Account.DisabledFor.ADMIN);
        int ended = sessions.endAll(account.username(), "account disabled");
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("account", id)
                .because("account disabled (" + ended + " sessions ended): " + why));
    }

    @Transactional
    public void enable(UUID id, Actor by) {
        Account account = other(id, by);
        account.enable();
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("account", id)
                .because("account enabled"));
    }

    /**
     * Removes the authenticator app, recovery codes and passkeys and ends every session: at the next sign-in the owner
     * enrols a second factor again. For someone who lost their phone, after the practice checked who they are.
     *
     * @throws AccountRejectedException without a reason, or for the administrator's own account
     */
    @Transactional
    public void resetSecondFactor(UUID id, String reason, Actor by) {
        Account account = other(id, by);
        String why = reason(reason);
        account.forgetAuthenticatorApp();
        recoveryCodes.deleteByAccountId(account.id());
        int removedPasskeys = passkeys.removeAll(account.username());
        sessions.endAll(account.username(), "second factor reset");
        account.notice(NoticeType.SIGN_IN_METHOD_CHANGED, hearth.baseUrl() + "/account/security", cipher).ifPresent(notices::queue);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.SECOND_FACTOR_CHANGED, AuditOutcome.SUCCESS).by(by).object("account", id)
                .because("second factor reset by an administrator (" + removedPasskeys + " passkeys removed): " + why));
    }

    /**
     * Gives a staff account exactly these roles; its sessions end, so the new roles apply from its next sign-in.
     *
     * @throws AccountRejectedException for a patient account, the PATIENT role, no role, or the administrator's own account
     */
    @Transactional
    public void changeRoles(UUID id, Set<Role> roles, Actor by) {
        Account account = other(id, by);
        Set<Role> before = account.roles();
        account.changeStaffRoles(roles);
        if (!before.equals(account.roles())) {
            sessions.endAll(account.username(), "roles changed");
            audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("account", id)
                    .because("roles changed from " + sorted(before) + " to " + sorted(account.roles())));
        }
    }

    private static String sorted(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** Emails the owner a password reset link (as "forgot password" does); false when the account has no address. */
    public boolean sendPasswordReset(UUID id, Actor by) {
        Optional<Account> account = accounts.findById(id);
        if (account.isEmpty() || account.get().email(cipher).isEmpty()) {
            return false;
        }
        accountsApi.sendPasswordReset(account.get().username());
        audit.record(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(by).object("account", id)
                .because("password reset link sent"));
        return true;
    }

    private Account other(UUID id, Actor by) {
        Account account = accounts.findById(id).orElseThrow(() -> new AccountRejectedException("identity.refused.noSuchAccount"));
        if (account.username().equals(by.id())) {
            throw new AccountRejectedException("identity.refused.ownAccount");
        }
        return account;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON || why.codePoints().anyMatch(Character::isISOControl)) {
            throw new AccountRejectedException("identity.refused.reason", MAX_REASON);
        }
        return why;
    }

    private AccountState state(Account account) {
        return new AccountState(account.id(), account.username(), account.displayName(cipher), account.roles(), account.enabled(),
                account.lockedUntil(), account.emailConfirmed(), account.hasAuthenticatorApp(), passkeys.of(account.username()).size(),
                account.createdAt(), account.lastSignedInAt(), account.disabledFor() == Account.DisabledFor.DORMANT,
                account.keptAsLookAlike());
    }
}
