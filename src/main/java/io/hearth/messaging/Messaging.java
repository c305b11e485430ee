package io.hearth.messaging;

/** The messaging module's API for other modules. */
public interface Messaging {

    /** How many messages in threads this person may read have arrived since they last opened those threads. */
    int unreadCount(String username, java.util.Set<io.hearth.identity.Role> roles);
}
