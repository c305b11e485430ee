package io.hearth.notifications;

import java.util.UUID;

/**
 * Whether a person agreed to email notices that are not about security (a new message, a practice announcement).
 * The outbox asks before queuing such a notice; security notices (locked account, password changed, new device) go
 * out regardless. The module that keeps people's choices provides the bean; without one, nobody gets such notices.
 */
public interface EmailPreferences {

    boolean agreedToEmail(UUID account);
}
