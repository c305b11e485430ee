package io.hearth.audit;

import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who acted: a signed-in person (their username and roles as held at that moment) or a part of the system.
 *
 * @param id the username, or {@code system:<component>}
 * @param roles comma-separated roles, empty for the system and for anonymous callers
 */
public record Actor(String id, String roles) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "");

    /** The signed-in person: their name and the roles they hold now (their ROLE_ authorities, sorted). */
    public static Actor of(Authentication authentication) {
        String roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).sorted()
                .collect(Collectors.joining(","));
        return new Actor(authentication.getName(), roles);
    }

    public static Actor system(String component) {
        return new Actor("system:" + component, "");
    }

    public boolean isSystem() {
        return id.startsWith("system:");
    }
}
