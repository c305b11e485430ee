package io.hearth.identity;

import java.util.Set;
import java.util.UUID;

/** The identity module's API for other modules and the command line. */
public interface Accounts {

    /**
     * Creates an account whose password has passed the password policy.
     *
     * @throws AccountRejectedException when the username is taken or invalid, or the password is refused (the
     *     message says why)
     */
    UUID create(String username, String displayName, char[] password, Set<Role> roles);

    boolean exists(String username);
}
