package io.hearth.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param password the password policy
 * @param lockout when failed sign-in steps lock an account
 * @param throttle when one client address may not try again for a while
 * @param resetLinkValidity how long an emailed password reset link works
 * @param absoluteSessionTimeout how long a signed-in session may last at most, however active (the idle timeout is
 *     server.servlet.session.timeout)
 * @param emailCode the one-time code by email, a patient's fallback second factor
 * @param dormancy an account nobody signed in to for this long is disabled (its owner is told); 0 switches it off
 */
@ConfigurationProperties("hearth.identity")
public record IdentityProperties(@DefaultValue Password password, @DefaultValue Lockout lockout, @DefaultValue Throttle throttle,
        @DefaultValue("30m") java.time.Duration resetLinkValidity, @DefaultValue("12h") java.time.Duration absoluteSessionTimeout,
        @DefaultValue EmailCode emailCode, @DefaultValue("90d") java.time.Duration dormancy) {

    /**
     * A patient (never staff) with an email address may ask on the second-factor page for a 6-digit code by email
     * instead of using their authenticator app. Weaker than the app (email is not an out-of-band channel NIST SP
     * 800-63B accepts), so a practice may switch it off.
     *
     * @param enabled whether the code is offered at all
     * @param validity how long a code works (once)
     * @param maxSends how many codes one account may be sent within {@code sendWindow}
     * @param sendWindow the period {@code maxSends} counts over
     */
    public record EmailCode(@DefaultValue("true") boolean enabled, @DefaultValue("10m") java.time.Duration validity,
            @DefaultValue("3") int maxSends, @DefaultValue("15m") java.time.Duration sendWindow) {
    }

    /**
     * @param maxFailures failed sign-in steps (password or second factor) that lock the account
     * @param duration how long the lock lasts; failures during it do not extend it
     */
    public record Lockout(@DefaultValue("4") int maxFailures, @DefaultValue("20m") java.time.Duration duration) {
    }

    /**
     * @param maxFailures failed sign-in steps from one client address within the window before that address is refused
     * @param window how far back failures count
     */
    public record Throttle(@DefaultValue("20") int maxFailures, @DefaultValue("10m") java.time.Duration window) {
    }

    /**
     * @param minLength shortest accepted password, in characters after Unicode normalisation
     * @param maxLength longest accepted password; never truncated, refused above this
     * @param minScore lowest accepted nbvcxz strength score (0 to 4)
     * @param maxAge a password older than this must be changed right after signing in; 0 switches the rule off
     * @param history how many earlier passwords may not be used again
     */
    public record Password(
            @DefaultValue("12") int minLength,
            @DefaultValue("256") int maxLength,
            @DefaultValue("3") int minScore,
            @DefaultValue("60d") java.time.Duration maxAge,
            @DefaultValue("5") int history) {
    }
}
