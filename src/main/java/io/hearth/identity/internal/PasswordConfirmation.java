package io.hearth.identity.internal;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Usernames;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password typed again before a change to how the user signs in (recovery codes, passkeys). A wrong one counts
 * toward the lockout like any other guess (a lock is audited and its owner told), so a session left open cannot be
 * used to guess the password.
 */
@Component
class PasswordConfirmation {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SignInAttempts attempts;

    PasswordConfirmation(AccountRepository accounts, PasswordEncoder encoder, SignInAttempts attempts) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
    }

    /**
     * Call before taking the account's row lock: the lockout counts in a transaction of its own, which needs it.
     *
     * @throws AccountRejectedException when the password is not right
     */
    void confirm(String username, char[] password) {
        String passwordHash = accounts.findByUsernameKey(Usernames.key(username)).orElseThrow().passwordHash();
        if (!encoder.matches(new String(password), passwordHash)) {
            attempts.countFailure(username);
            throw new AccountRejectedException("identity.refused.password");
        }
    }
}
