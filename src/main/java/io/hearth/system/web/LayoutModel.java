package io.hearth.system.web;

import io.hearth.shared.SessionActivity;
import io.hearth.system.HearthProperties;
import io.hearth.system.MenuEntries;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
    private final List<MenuEntries.Entry> menu;

    LayoutModel(HearthProperties properties, @Value("${server.servlet.session.timeout:15m}") Duration idleTimeout,
            List<MenuEntries> menus) {
        this.properties = properties;
        this.idleTimeout = idleTimeout;
        this.menu = menus.stream().flatMap(entries -> entries.entries().stream()).sorted(Comparator.comparingInt(MenuEntries.Entry::order))
                .toList();
    }

    /**
     * The menu entries of the roles the signed-in person holds, from every module's {@link MenuEntries}; read from the
     * session's authorities, without the database.
     */
    @ModelAttribute("menu")
    List<MenuEntries.Entry> menu() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        Set<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring(5)).collect(Collectors.toUnmodifiableSet());
        return menu.stream().filter(entry -> entry.shownTo(roles)).toList();
    }

    /**
     * Seconds of inactivity after which the server may end the session, counted from this page; the page warns a
     * minute before. Less than the idle timeout by what the server may not have recorded of the last activity.
     */
    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds() {
        return SessionActivity.idleTimeLeftAtMost(idleTimeout).toSeconds();
    }

    @ModelAttribute("practiceName")
    String practiceName() {
        return properties.practiceName();
    }
}
