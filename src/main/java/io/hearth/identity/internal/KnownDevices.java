package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Usernames;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.shared.Sha256;
import io.hearth.system.HearthProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browsers each account signed in from, each named by a random token in a long-lived cookie. A completed sign-in
 * from a browser the account has not used before sends its owner a (PHI-free) notice, except on the account's very
 * first sign-in.
 */
@Service
public class KnownDevices {

    private final JdbcTemplate jdbc;
    private final AccountRepository accounts;
    private final Notices notices;
    private final FieldCipher cipher;
    private final HearthProperties hearth;
    private final Clock clock;

    KnownDevices(JdbcTemplate jdbc, AccountRepository accounts, Notices notices, FieldCipher cipher, HearthProperties hearth, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notices = notices;
        this.cipher = cipher;
        this.hearth = hearth;
        this.clock = clock;
    }

    /**
     * Records a completed sign-in from the browser that presented this token (null or malformed: a new browser).
     *
     * @return the token the browser should keep
     */
    @Transactional
    public String signedIn(String username, String presentedToken) {
        Account account = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow();
        String token = presentedToken != null && presentedToken.matches("[A-Za-z0-9_-]{43}") ? presentedToken : RandomTokens.newToken();
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update known_device set last_seen_at = ? where account_id = ? and device_hash = ?", now, account.id(),
                Sha256.hex(token)) == 1) {
            return token;
        }
        boolean firstEver = jdbc.queryForObject("select count(*) from known_device where account_id = ?", Long.class, account.id()) == 0;
        jdbc.update("insert into known_device (account_id, device_hash, first_seen_at, last_seen_at) values (?, ?, ?, ?)",
                account.id(), Sha256.hex(token), now, now);
        if (!firstEver) {
            account.notice(NoticeType.NEW_DEVICE_SIGN_IN, hearth.baseUrl() + "/account/sessions", cipher).ifPresent(notices::queue);
        }
        return token;
    }
}
