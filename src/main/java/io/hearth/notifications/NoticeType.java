package io.hearth.notifications;

/**
 * The kinds of email notice. Each has a fixed subject and a template that says only that something is waiting: no
 * health information ever reaches an email. Security notices go out whatever the patient chose about email; all
 * others need the patient's consent.
 */
public enum NoticeType {
    ACCOUNT_LOCKED(true),
    /** The account was switched off because nobody signed in to it for a long time. */
    ACCOUNT_DISABLED(true),
    PASSWORD_CHANGED(true),
    NEW_DEVICE_SIGN_IN(true),
    EMAIL_CHANGED(true),
    EMAIL_CONFIRMATION(true),
    PASSWORD_RESET(true),
    STAFF_INVITATION(true),
    /** A way of signing in was added to or removed from the account (a passkey). */
    SIGN_IN_METHOD_CHANGED(true),
    /**
     * A one-time sign-in code (not health information). The code travels in the link's fragment
     * ({@code /signin/second-factor#code=123456}), which browsers never send to a server; the template shows it.
     */
    SIGN_IN_CODE(true),
    NEW_MESSAGE(false),
    /** A prescription renewal the patient asked for was approved or denied (which, and of what, only in the portal). */
    RENEWAL_DECIDED(false),
    /** For the security officer: a clinician used emergency access, which waits for review (no patient, no name). */
    EMERGENCY_ACCESS_REVIEW(false),
    /**
     * For the security officer: suspicious activity raised alerts (no rule, person, address or patient in the email).
     * Work for the officer, like a break-glass review, not about their own account, so not a security notice.
     */
    SECURITY_ALERT(false),
    PRACTICE_ANNOUNCEMENT(false),
    /** An appointment is coming up (no date, provider, place or reason in the email). */
    APPOINTMENT_REMINDER(false),
    /** The practice booked, moved, cancelled or answered a request about an appointment. */
    APPOINTMENT_UPDATE(false),
    /** An earlier time is offered to a patient on the wait list; the first to accept gets it. */
    APPOINTMENT_OFFER(false);

    private final boolean security;

    NoticeType(boolean security) {
        this.security = security;
    }

    public boolean security() {
        return security;
    }
}
