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
    /** A signed-in session was ended by its owner, a password change or reset, or an administrator (object: its handle). */
    SESSION_ENDED,
    /**
     * Records from the EHR were stored (a system import): one entry per patient whose record a batch created or
     * changed (object: that patient's record; reason: counts by type), and one per batch (object: the batch).
     */
    RECORD_IMPORTED,
    /** A one-time sign-in code was emailed (object: the account; never the code). */
    EMAIL_CODE_SENT,
    /** An administrator changed a setting at run time (object: the setting; reason: its new value). */
    SETTING_CHANGED,
    /** A patient agreed to or declined email notices (object: the account; reason: the choice and the text's version). */
    CONSENT_RECORDED,
    /** The security officer searched the audit trail (reason: the filters, never the results). */
    AUDIT_SEARCHED,
    /** The security officer exported audit entries as CSV (reason: the filters and how many rows). */
    AUDIT_EXPORTED
}
