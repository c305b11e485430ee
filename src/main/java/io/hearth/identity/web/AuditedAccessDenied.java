package io.hearth.identity.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.internal.Factors;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Audits a function-level refusal (403: a page the person's roles may not open) as an authorization failure naming the
 * method and path, never the query string (it may hold a search for a name). Sits between the exception translation
 * and the authorization filter and passes the refusal on, so Spring Security still answers it; refusals of someone
 * who has not finished signing in (sent to the second step) are not denials of access and are left alone.
 */
final class AuditedAccessDenied implements Filter {

    private final AuditLog audit;

    AuditedAccessDenied(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (AccessDeniedException denied) {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && Factors.hasSecondFactor(who)) {
                HttpServletRequest http = (HttpServletRequest) request;
                audit.record(AuditEvent.of(AuditAction.AUTHORIZATION_FAILURE, AuditOutcome.DENIED)
                        .object("endpoint", endpoint(http))
                        .because("role may not call it"));
            }
            throw denied;
        }
    }

    /** The method and path of a refused request, never its query string (it may hold a search for a name). */
    static String endpoint(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI().substring(request.getContextPath().length());
    }
}
