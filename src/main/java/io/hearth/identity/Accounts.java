package io.hearth.identity;

import io.hearth.notifications.NoticeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The identity module's API for other modules and the command line. */
public interface Accounts {

    /**
     * Creates an account whose password has passed the password policy.
     *
     * @throws AccountRejectedException when the username is taken (also by one it looks like, see {@link Usernames}) or
     *     invalid (mixing scripts, too), or the password is refused (the message says why)
     */
    UUID create(String username, String displayName, char[] password, Set<Role> roles);

    boolean exists(String username);

    /**
     * Creates a staff account and emails the person an invitation: a single-use link (7 days) to choose their own
     * password; their first sign-in then enrols the second factor. Nobody, the administrator included, ever knows a
     * password for the account before that.
     *
     * @throws AccountRejectedException when a role is not a staff role, the username is taken or invalid, or the address
     *     is not one or is used by another account
     */
    UUID inviteStaff(String username, String displayName, String email, Set<Role> roles);

    /**
     * Sets the account's email address (used for notices and as an alternative sign-in name).
     *
     * @throws AccountRejectedException when it is not an address, its part before the @ mixes scripts, or another
     *     account uses it or one that looks like it
     */
    void changeEmail(String username, String email);

    Optional<String> emailOf(String username);

    /**
     * The owner changes their address after typing their password again (a wrong one counts toward the lockout).
     * The new address is unconfirmed until its owner opens the link sent to it; the old one is told of the change.
     *
     * @throws AccountRejectedException when the password is wrong, or the address is not one or is another account's
     */
    void changeOwnEmail(String username, char[] currentPassword, String newEmail);

    /** Emails the account's address a one-time link that confirms it (valid 7 days); nothing when it has no address. */
    void sendEmailConfirmation(String username);

    /** Confirms the address a link was sent to, if the link is unused, unexpired and the address unchanged since. */
    boolean confirmEmail(String token);

    /** Whether the account's current email address was confirmed by its owner. */
    boolean emailConfirmed(String username);

    /**
     * Changes the password after checking the current one; the new one must pass the policy and differ from the
     * earlier ones kept in the history.
     *
     * @throws AccountRejectedException saying why (the current password is wrong, or the new one is refused)
     */
    void changePassword(String username, char[] currentPassword, char[] newPassword);

    /** Whether the password is older than the maximum age and must be changed before anything else. */
    boolean passwordExpired(String username);

    /**
     * Emails a one-time password reset link to the account with this username or email address, if there is one and
     * it has an email address. Says nothing either way, so the caller cannot tell (nor tell anyone else).
     */
    void sendPasswordReset(String usernameOrEmail);

    /**
     * Sets a new password with a token from a reset link (once, before it expires, and only if the password has not
     * changed since); also ends a lockout. The second factor is still needed to sign in.
     *
     * @throws AccountRejectedException when the link is not valid any more, or the new password is refused
     */
    void resetPassword(String token, char[] newPassword);

    /** Ends a lockout early; audited. Returns whether the account was locked. */
    boolean unlock(String username);

    /** Links a patient's account to their patient record. */
    void linkPatient(String username, UUID patientId);

    /** Whether some account is already linked to this patient record. */
    boolean patientHasAccount(UUID patientId);

    /** The patient record a patient's account belongs to; empty for staff and for unlinked accounts. */
    Optional<UUID> patientOf(String username);

    /**
     * Links a staff account to its Practitioner in the health record (the id {@code io.hearth.records} gives it), so
     * the patients they care for can be found; {@code null} removes the link.
     *
     * @throws IllegalStateException for a patient's account
     */
    void linkPractitioner(String username, UUID practitionerId);

    /** The Practitioner a staff account is linked to; empty for patients and unlinked accounts. */
    Optional<UUID> practitionerOf(String username);

    /** How colleagues and patients see this person's name, e.g. in a patient's access log; empty if unknown. */
    Optional<String> displayNameOf(String username);

    /** The account's id, for modules that keep something per account (e.g. email preferences). */
    Optional<UUID> idOf(String username);

    /** The roles the account holds now; empty when there is no such account. */
    Set<Role> rolesOf(UUID account);

    /** The account's username, for modules that only kept its id (e.g. the audit trail of a failed sign-in). */
    Optional<String> usernameOf(UUID account);

    /**
     * A notice of this type for every account that holds the role and has an email address (a mass notice: the
     * caller queues each one; the outbox leaves out whoever did not agree to email).
     */
    java.util.List<io.hearth.notifications.Notice> noticesToEveryone(Role role, io.hearth.notifications.NoticeType type, String link);
    /** The account linked to this patient record, if any. */
    Optional<String> usernameOfPatient(UUID patientId);

    /** Enabled staff accounts (no patient role), for choosing a colleague and finding who works a message pool. */
    List<StaffMember> staff();

    /**
     * Puts a notice of this type to the account's email address in the outbox (greeting the person by first name only,
     * the link pointing into the portal), within the caller's transaction; false when the account has no address, or the
     * notice needs consent to email that the person did not give (see {@code EmailPreferences}).
     */
    boolean queueNotice(String username, NoticeType type, String link);

    /**
     * A colleague as other modules see them.
     *
     * @param practitionerId their Practitioner in the health record, or null when not linked
     */
    record StaffMember(String username, String displayName, Set<Role> roles, UUID practitionerId) {

        @Override
        public String toString() {
            return "StaffMember[" + username + "]";
        }
    }
}
