package io.hearth.identity.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "account")
class Account {

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "username_key", nullable = false, length = 64, unique = true)
    private String usernameKey;

    /**
     * {@link Usernames#lookAlikeKey}, unique: a name that looks like another cannot be stored. Empty only for the later
     * accounts of a group that looked alike before V47 (kept, and marked for administrators).
     */
    @Column(name = "username_skeleton", length = 64, unique = true, updatable = false)
    private String usernameSkeleton;

    static final EncryptedColumn DISPLAY_NAME = EncryptedColumn.of("account", "display_name_ciphertext");

    @Column(name = "display_name_ciphertext", nullable = false)
    private byte[] displayNameCiphertext;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Written by {@link DormantAccounts#signedIn} in SQL, like the lockout columns. */
    @Column(name = "last_signed_in_at", insertable = false, updatable = false)
    private Instant lastSignedInAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_for", length = 10)
    private DisabledFor disabledFor;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "patient_id")
    private UUID patientId;

    /** The staff member's Practitioner in the health record (io.hearth.records), which scopes their care team. */
    @Column(name = "practitioner_id")
    private UUID practitionerId;

    static final EncryptedColumn TOTP_SECRET = EncryptedColumn.of("account", "totp_secret_ciphertext");

    @Column(name = "totp_secret_ciphertext")
    private byte[] totpSecretCiphertext;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    static final EncryptedColumn EMAIL = EncryptedColumn.of("account", "email_ciphertext");

    @Column(name = "email_ciphertext")
    private byte[] emailCiphertext;

    @Column(name = "email_index", length = 64)
    private String emailIndex;

    /** {@link EmailIndex#lookAlikeOf}, unique like {@link #usernameSkeleton}; empty for a look-alike kept from before V47. */
    @Column(name = "email_skeleton_index", length = 64, unique = true)
    private String emailSkeletonIndex;

    /** Set when a link sent to the address is opened; cleared when the address changes. */
    @Column(name = "email_confirmed_at")
    private Instant emailConfirmedAt;

    /** Read-only here: {@link Lockout} alone writes it, in SQL, so a stale entity can never undo a lock or an unlock. */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, String passwordHash, Set<Role> roles, Instant now, FieldCipher cipher) {
        this.id = UUID.randomUUID();
        this.username = username.strip();
        this.usernameKey = Usernames.key(username);
        this.usernameSkeleton = Usernames.lookAlikeKey(username);
        this.displayNameCiphertext = cipher.encrypt(displayName.strip(), DISPLAY_NAME.at(id));
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    boolean hasAuthenticatorApp() {
        return totpSecretCiphertext != null;
    }

    void enrolAuthenticatorApp(String base32Secret, long confirmedStep, FieldCipher cipher) {
        this.totpSecretCiphertext = cipher.encrypt(base32Secret, TOTP_SECRET.at(id));
        this.totpLastStep = confirmedStep;
    }

    String authenticatorSecret(FieldCipher cipher) {
        return cipher.decrypt(totpSecretCiphertext, TOTP_SECRET.at(id));
    }

    /** A code's time step may be used once: only steps after the last one used are accepted. */
    boolean useTimeStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    void changeEmail(String email, String blindIndex, String lookAlikeIndex, FieldCipher cipher) {
        if (!blindIndex.equals(this.emailIndex)) {
            this.emailConfirmedAt = null; // a new address is unconfirmed until its owner opens the link sent to it
        }
        this.emailCiphertext = cipher.encrypt(email, EMAIL.at(id));
        this.emailIndex = blindIndex;
        this.emailSkeletonIndex = lookAlikeIndex;
    }

    /** Whether this account kept a username or address that looked like an older account's when V47 came. */
    boolean keptAsLookAlike() {
        return usernameSkeleton == null || emailCiphertext != null && emailSkeletonIndex == null;
    }

    void confirmEmail(Instant when) {
        this.emailConfirmedAt = when;
    }

    /** A notice to this person's address (greeting them by first name only), when they have one. */
    java.util.Optional<io.hearth.notifications.Notice> notice(io.hearth.notifications.NoticeType type, String link, FieldCipher cipher) {
        return email(cipher).map(email -> new io.hearth.notifications.Notice(type, id, email, FirstNames.of(displayName(cipher)), link));
    }

    boolean emailConfirmed() {
        return emailConfirmedAt != null;
    }

    String emailIndex() {
        return emailIndex;
    }

    java.util.Optional<String> email(FieldCipher cipher) {
        return emailCiphertext == null ? java.util.Optional.empty() : java.util.Optional.of(cipher.decrypt(emailCiphertext, EMAIL.at(id)));
    }

    /** A password older than the maximum age must be changed; a zero maximum age switches the rule off. */
    boolean passwordExpired(Instant now, java.time.Duration maxAge) {
        return !maxAge.isZero() && passwordChangedAt != null && !passwordChangedAt.plus(maxAge).isAfter(now);
    }

    /** @return the hash being replaced, for the history */
    String changePassword(String newHash, Instant now) {
        String old = passwordHash;
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        return old;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void linkPatient(UUID patient) {
        if (!roles.contains(Role.PATIENT)) {
            throw new IllegalStateException("only a patient account is linked to a patient record");
        }
        this.patientId = patient;
    }

    java.util.Optional<UUID> patientId() {
        return java.util.Optional.ofNullable(patientId);
    }

    void linkPractitioner(UUID practitioner) {
        if (roles.contains(Role.PATIENT)) {
            throw new IllegalStateException("only a staff account is linked to a practitioner");
        }
        this.practitionerId = practitioner;
    }

    java.util.Optional<UUID> practitionerId() {
        return java.util.Optional.ofNullable(practitionerId);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName(FieldCipher cipher) {
        return cipher.decrypt(displayNameCiphertext, DISPLAY_NAME.at(id));
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant createdAt() {
        return createdAt;
    }

    /**
     * Replaces the staff roles. A patient account stays a patient account and a staff account never becomes one:
     * patients open their accounts with an activation code, tied to their record.
     */
    void changeStaffRoles(Set<Role> newRoles) {
        if (newRoles.isEmpty() || newRoles.contains(Role.PATIENT) || roles.contains(Role.PATIENT)) {
            throw new io.hearth.identity.AccountRejectedException("identity.refused.patientRoles");
        }
        this.roles = EnumSet.copyOf(newRoles);
    }

    /** Why an account is disabled; null while it is enabled. */
    enum DisabledFor { ADMIN, DORMANT }

    void disable(DisabledFor why) {
        this.enabled = false;
        this.disabledFor = why;
    }

    void enable() {
        this.enabled = true;
        this.disabledFor = null;
    }

    DisabledFor disabledFor() {
        return disabledFor;
    }

    Instant lastSignedInAt() {
        return lastSignedInAt;
    }

    /** An administrator reset the second factor: the authenticator app goes; the owner enrols again at sign-in. */
    void forgetAuthenticatorApp() {
        this.totpSecretCiphertext = null;
        this.totpLastStep = null;
    }



    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
