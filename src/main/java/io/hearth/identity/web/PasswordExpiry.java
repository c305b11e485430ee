package io.hearth.identity.web;

import io.hearth.identity.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password past its maximum age must be changed right after signing in, before anything else: the sign-in marks
 * the session, and until the change every page leads to the change form.
 */
final class PasswordExpiry extends OncePerRequestFilter {

    private static final String PENDING = PasswordExpiry.class.getName();

    static boolean pending(HttpSession session) {
        return Boolean.TRUE.equals(session.getAttribute(PENDING));
    }

    static void clear(HttpSession session) {
        session.removeAttribute(PENDING);
    }

    /** Marks the session when the signed-in account's password is past its maximum age; returns whether it did. */
    static boolean markIfDue(Accounts accounts, HttpServletRequest request, Authentication authentication) {
        if (!accounts.passwordExpired(authentication.getName())) {
            return false;
        }
        request.getSession().setAttribute(PENDING, true);
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getServletPath();
        boolean allowed = path.equals(PasswordController.PATH) || path.equals("/signout") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/");
        if (session != null && pending(session) && !allowed) {
            response.sendRedirect(request.getContextPath() + PasswordController.PATH);
            return;
        }
        chain.doFilter(request, response);
    }
}
