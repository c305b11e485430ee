package io.hearth.identity;

import java.util.Optional;
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

    /** Links a patient's account to their patient record. */
    void linkPatient(String username, UUID patientId);

    /** The patient record a patient's account belongs to; empty for staff and for unlinked accounts. */
    Optional<UUID> patientOf(String username);

    /** How colleagues and patients see this person's name, e.g. in a patient's access log; empty if unknown. */
    Optional<String> displayNameOf(String username);
}
