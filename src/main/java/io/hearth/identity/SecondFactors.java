package io.hearth.identity;

import java.util.List;
import java.util.Optional;

/** Second factors: the authenticator app (TOTP), single-use recovery codes, and (for patients) a code by email. */
public interface SecondFactors {

    enum Kind { AUTHENTICATOR_APP, RECOVERY_CODE, EMAIL_CODE }

    boolean hasSecondFactor(String username);

    /** A fresh secret for enrolment (Base32); nothing is stored until {@link #enrolAuthenticatorApp} confirms it. */
    String newAuthenticatorSecret();

    /** The otpauth:// address an authenticator app reads from the QR code. */
    String provisioningUri(String username, String secret);

    /**
     * Stores the secret once a code from the app proves it was set up, and returns ten recovery codes to show once.
     *
     * @throws AccountRejectedException when the code is wrong, or the account already has a second factor (changing
     *     it is a separate, re-authenticated step)
     */
    List<String> enrolAuthenticatorApp(String username, String secret, String code);

    /** How many unused recovery codes the account has left. */
    long unusedRecoveryCodes(String username);

    /**
     * Replaces all recovery codes with ten new ones (shown once), after checking the current password again.
     *
     * @throws AccountRejectedException when the password is not right
     */
    List<String> regenerateRecoveryCodes(String username, char[] currentPassword);

    /**
     * Whether this account may ask for a code by email: the code is switched on
     * ({@code hearth.identity.email-code.enabled}), the account is a patient's (never staff) and has an email address.
     */
    boolean emailCodeOffered(String username);

    /**
     * Emails a new 6-digit code, which works once for 10 minutes (settings), to the account's address; audited.
     *
     * @throws AccountRejectedException when the code is not offered to this account, or it was sent the most codes
     *     allowed in the last 15 minutes (settings)
     */
    void sendEmailCode(String username);

    /**
     * Accepts a current code from the authenticator app, an unused recovery code or an emailed code (where offered),
     * each once only.
     */
    Optional<Kind> verify(String username, String code);

    /**
     * The second factor typed again to confirm a sensitive step (emergency access to a record): a current code from
     * the authenticator app or an unused recovery code, each once only. A wrong code counts toward the lockout.
     *
     * @throws AccountRejectedException when the code is not right (the same answer for a locked account)
     */
    void confirm(String username, String code);
}
