package io.hearth.identity.web;

import io.hearth.identity.internal.KnownDevices;
import io.hearth.identity.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
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

    /** After the second step: to the change form if the password is too old, otherwise where the user was going. */
    /** After the second step: remember the browser (a new one emails the owner), then a due password change first. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler(Accounts accounts, KnownDevices devices) {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                DeviceCookie.signedIn(devices, authentication.getName(), request, response);
                if (accounts.passwordExpired(authentication.getName())) {
                    request.getSession().setAttribute(PENDING, true);
                    getRedirectStrategy().sendRedirect(request, response, PasswordController.PATH);
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * After a passkey sign-in, which answers the page's script in JSON (where to go next): the password's age still
     * counts, so an expired one marks the session and the next page is the change form.
     */
    static AuthenticationSuccessHandler passkeySuccessHandler(Accounts accounts, KnownDevices devices) {
        var answer = new HttpMessageConverterAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            DeviceCookie.signedIn(devices, authentication.getName(), request, response);
            if (accounts.passwordExpired(authentication.getName())) {
                request.getSession().setAttribute(PENDING, true);
            }
            answer.onAuthenticationSuccess(request, response, authentication);
        };
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
