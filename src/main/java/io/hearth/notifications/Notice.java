package io.hearth.notifications;

import java.util.UUID;

/**
 * One email to one person.
 *
 * @param account the recipient's account, whose email preferences decide whether a notice that is not about security
 *     may go out; null only for a security notice to an address without an account
 * @param recipient the single address it goes to (never several, never CC or BCC)
 * @param firstName how the email greets the person; the only personal detail a notice may carry
 * @param link an absolute link into the portal (built from hearth.base-url), or null for the sign-in page
 */
public record Notice(NoticeType type, UUID account, String recipient, String firstName, String link) {

    @Override
    public String toString() {
        return "Notice[" + type + "]";
    }
}
