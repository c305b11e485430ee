package io.hearth.identity.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * Audits a state change refused for its CSRF token (missing, or not this session's) when it came from a signed-in
 * person's browser: a forged request, or a form left open past its session. Then answers as Spring Security does.
 * Callers who are not signed in are answered without an entry, so that nobody can fill the trail by posting forms.
 */
final class AuditedCsrfRefusal implements AccessDeniedHandler {

    private final AuditLog audit;
    private final AccessDeniedHandler answer;

    AuditedCsrfRefusal(AuditLog audit, AccessDeniedHandler answer) {
        this.audit = audit;
        this.answer = answer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            audit.record(AuditEvent.of(AuditAction.AUTHORIZATION_FAILURE, AuditOutcome.DENIED)
                    .object("endpoint", AuditedAccessDenied.endpoint(request))
                    .because(refused instanceof MissingCsrfTokenException ? "no CSRF token on the session" : "CSRF token missing or wrong"));
        }
        answer.handle(request, response, refused);
    }
}
