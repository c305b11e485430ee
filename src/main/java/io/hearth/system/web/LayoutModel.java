package io.hearth.system.web;

import io.hearth.shared.SessionActivity;
import io.hearth.system.HearthProperties;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page. */
@ControllerAdvice
class LayoutModel {

    private final HearthProperties properties;
    private final Duration idleTimeout;

    LayoutModel(HearthProperties properties, @Value("${server.servlet.session.timeout:15m}") Duration idleTimeout) {
        this.properties = properties;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Seconds of inactivity after which the server may end the session, counted from this page; the page warns a
     * minute before. Less than the idle timeout by what the server may not have recorded of the last activity.
     */
    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds() {
        return SessionActivity.idleTimeLeftAtMost(idleTimeout).toSeconds();
    }

    /**
     * Who is looking, for the layout's navigation only (every URL is authorized by the filter chain, not by what the
     * menu shows). Computed once per page: the security dialect's {@code sec:authorize} looks Spring Security's
     * expression handler up and evaluates an expression for every element, a fifth of the time a 50-row page spent
     * rendering.
     */
    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return new Viewer(false, Set.of());
        }
        return new Viewer(true, authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).collect(Collectors.toUnmodifiableSet()));
    }

    /** Public so the templates' compiled expressions can call it. */
    public record Viewer(boolean signedIn, Set<String> roles) {

        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        public boolean hasAnyRole(String... any) {
            for (String role : any) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }
    }

    @ModelAttribute("practiceName")
    String practiceName() {
        return properties.practiceName();
    }
}
