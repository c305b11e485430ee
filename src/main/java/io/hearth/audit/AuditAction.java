package io.hearth.audit;

/** What happened. The names are stable codes stored in the trail: add new ones, never rename or reuse one. */
public enum AuditAction {
    SIGN_IN_SUCCESS,
    SIGN_IN_FAILURE,
    SIGN_OUT,
    ACCOUNT_CREATED,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    PASSWORD_CHANGED,
    SECOND_FACTOR_CHANGED,
    PHI_VIEW,
    PHI_CHANGE,
    PHI_EXPORT,
    BREAK_GLASS,
    ADMIN_ACTION,
    KEY_ROTATION,
    DECRYPTION_FAILURE,
    AUTHORIZATION_FAILURE,
    AUDIT_VERIFIED,
    /** An email notice was given up after its last attempt (object: the notice id; no address, no content). */
    NOTICE_FAILED,
    /** A one-time sign-in code was emailed (object: the account; never the code). */
    EMAIL_CODE_SENT
}
