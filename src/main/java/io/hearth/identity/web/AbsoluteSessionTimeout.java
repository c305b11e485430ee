package io.hearth.identity.web;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.internal.UserSessions;
import io.hearth.shared.SessionHandle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * However active it is, a signed-in session ends after the absolute timeout (12 hours by default). The session is
 * stamped with its origin (when, which device, which address) on its first signed-in request; the timeout counts
 * from there, and the owner's Sessions page shows it.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Clock clock;
    private final Duration limit;

    private final AuditLog audit;

    AbsoluteSessionTimeout(Clock clock, Duration limit, AuditLog audit) {
        this.audit = audit;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            Instant now = clock.instant();
            if (session.getAttribute(UserSessions.ORIGIN) instanceof UserSessions.Origin origin) {
                if (now.isAfter(origin.signedInAt().plus(limit))) {
                    audit.record(AuditEvent.of(AuditAction.SESSION_ENDED, AuditOutcome.SUCCESS).by(Actor.of(authentication))
                            .object("session", SessionHandle.of(session.getId())).because("absolute timeout"));
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/signin?timeout");
                    return;
                }
            } else {
                session.setAttribute(UserSessions.ORIGIN,
                        new UserSessions.Origin(now, Devices.describe(request.getHeader("User-Agent")), request.getRemoteAddr()));
            }
        }
        chain.doFilter(request, response);
    }
}
