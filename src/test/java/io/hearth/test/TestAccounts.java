package io.hearth.test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.hearth.identity.Accounts;
import io.hearth.identity.Usernames;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Accounts for integration tests, made through the real APIs and enrolled with an authenticator app whose secret the
 * test knows, so {@link PortalClient#signIn} can compute codes like a phone would.
 */
public final class TestAccounts {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));

    private final Accounts accounts;
    private final SecondFactors secondFactors;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final io.hearth.patients.EmailConsent consent;

    TestAccounts(Accounts accounts, SecondFactors secondFactors, org.springframework.jdbc.core.JdbcTemplate jdbc,
            io.hearth.patients.EmailConsent consent) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.jdbc = jdbc;
        this.consent = consent;
    }

    /** The patient agrees to email notices, as on their Preferences page (see EmailConsentIT); until then only security notices go out. */
    public void agreeToEmail(String username) {
        consent.record(accounts.idOf(username).orElseThrow(), true, io.hearth.patients.EmailConsent.TEXT_VERSION,
                io.hearth.audit.Actor.of(new org.springframework.security.authentication.TestingAuthenticationToken(username, "")));
    }

    /**
     * Gives the account an email address its owner has confirmed, as if they had opened the link (SignUpIT opens real
     * links; here the test only needs the state).
     */
    public void giveConfirmedEmail(String username, String email) {
        accounts.changeEmail(username, email);
        jdbc.update("update account set email_confirmed_at = current_timestamp where username_key = ?", Usernames.key(username));
    }

    /** Creates the account with an enrolled authenticator app, unless it exists; returns its recovery codes (or none). */
    public List<String> create(String username, String displayName, String password, Role role, Role... more) {
        if (accounts.exists(username)) {
            return List.of();
        }
        accounts.create(username, displayName, password.toCharArray(), EnumSet.of(role, more));
        String secret = secondFactors.newAuthenticatorSecret();
        List<String> recoveryCodes = secondFactors.enrolAuthenticatorApp(username, secret, currentCode(secret));
        SECRETS.put(username.toLowerCase(java.util.Locale.ROOT), secret);
        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        return recoveryCodes;
    }

    /** Creates the account with a password only, as a new account is before its owner enrols a second factor. */
    public void createWithoutSecondFactor(String username, String displayName, String password, Role role) {
        if (!accounts.exists(username)) {
            accounts.create(username, displayName, password.toCharArray(), EnumSet.of(role));
        }
    }

    /** Remembers the authenticator secret of an account made elsewhere (the demo accounts' public secret). */
    public static void knowSecret(String username, String secret) {
        SECRETS.put(username.strip().toLowerCase(java.util.Locale.ROOT), secret);
    }

    public static String secretOf(String username) {
        return SECRETS.get(username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The code an authenticator app shows now (by the portal's test clock). */
    public static String currentCode(String secret) {
        return codeAt(secret, TestClock.INSTANCE.instant());
    }

    public static String codeAt(String secret, java.time.Instant time) {
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret), TOTP.getAlgorithm()), time);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
