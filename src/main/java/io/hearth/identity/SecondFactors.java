package io.hearth.identity;

import java.util.List;
import java.util.Optional;

/** Second factors: the authenticator app (TOTP) and single-use recovery codes. */
public interface SecondFactors {

    enum Kind { AUTHENTICATOR_APP, RECOVERY_CODE }

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

    /** Accepts a current code from the authenticator app or an unused recovery code, each once only. */
    Optional<Kind> verify(String username, String code);
}
