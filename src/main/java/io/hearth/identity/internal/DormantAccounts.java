package io.hearth.identity.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.Usernames;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.system.HearthProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts nobody signed in to for {@code hearth.identity.dormancy} (90 days by default) are disabled once a day,
 * their sessions ended and their owner told (a security notice, so it goes whatever they chose about email). Time
 * since the last completed sign-in counts, or since the account was made if it never signed in. An administrator
 * enables it again. The disabling is a conditional update, so with several nodes each account is disabled, audited
 * and announced once.
 */
@Service
public class DormantAccounts {

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final UserSessions sessions;
    private final Notices notices;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final HearthProperties hearth;
    private final IdentityProperties identity;
    private final Clock clock;

    DormantAccounts(JdbcClient jdbc, AccountRepository accounts, UserSessions sessions, Notices notices, AuditLog audit, FieldCipher cipher,
            HearthProperties hearth, IdentityProperties identity, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sessions = sessions;
        this.notices = notices;
        this.audit = audit;
        this.cipher = cipher;
        this.hearth = hearth;
        this.identity = identity;
        this.clock = clock;
    }

    /** A sign-in completed (both factors, or a passkey). */
    public void signedIn(String username) {
        jdbc.sql("UPDATE account SET last_signed_in_at = ? WHERE username_key = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), Usernames.key(username)).update();
    }

    /** The last moment an account may have been used and still count as in use; null when dormancy is switched off. */
    public Instant cutoff() {
        return identity.dormancy().isZero() ? null : clock.instant().minus(identity.dormancy());
    }

    /** Disables every dormant account; returns how many. */
    @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
    @Transactional
    public int disableDormant() {
        Instant cutoff = cutoff();
        if (cutoff == null) {
            return 0;
        }
        List<UUID> dormant = jdbc.sql("SELECT id FROM account WHERE enabled AND coalesce(last_signed_in_at, created_at) < ?")
                .param(cutoff.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
        int disabled = 0;
        for (UUID id : dormant) {
            boolean mine = jdbc.sql("""
                    UPDATE account SET enabled = false, disabled_for = 'DORMANT' WHERE id = ? AND enabled
                      AND coalesce(last_signed_in_at, created_at) < ?""").params(id, cutoff.atOffset(ZoneOffset.UTC)).update() == 1;
            if (mine) {
                disabled++;
                Account account = accounts.findById(id).orElseThrow();
                sessions.endAll(account.username(), "account disabled: unused");
                account.notice(NoticeType.ACCOUNT_DISABLED, hearth.baseUrl() + "/signin", cipher).ifPresent(notices::queue);
                audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).by(Actor.system("dormancy"))
                        .object("account", id).because("account disabled: nobody signed in for " + identity.dormancy().toDays() + " days"));
            }
        }
        return disabled;
    }
}
