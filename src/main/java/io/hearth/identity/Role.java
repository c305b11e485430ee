package io.hearth.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** What a person does at the practice; a staff member may hold several roles. */
public enum Role {
    PATIENT, PROVIDER, NURSE, FRONT_DESK, BILLING, ADMIN, SECURITY_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the signed-in person holds this role (false for nobody). */
    public boolean isHeldBy(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(granted -> authority().equals(granted.getAuthority()));
    }

    /** The roles the signed-in person holds, read from their authorities. */
    public static Set<Role> heldBy(Authentication who) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : values()) {
            if (role.isHeldBy(who)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
