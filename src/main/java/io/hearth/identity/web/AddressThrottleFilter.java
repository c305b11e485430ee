package io.hearth.identity.web;

import io.hearth.identity.internal.AddressThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A client address with too many recent failures may not try again for a while: its sign-in steps get the usual
 * failure answer without being checked, so it can neither guess on nor lock out other people's accounts.
 */
final class AddressThrottleFilter extends OncePerRequestFilter {

    /** Spring Security's passkey sign-in endpoint. */
    static final String PASSKEY_SIGN_IN = "/login/webauthn";

    private final AddressThrottle throttle;

    AddressThrottleFilter(AddressThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        boolean signInStep = "POST".equals(request.getMethod())
                && ("/signin".equals(path) || SecondFactorAuthenticationFilter.PATH.equals(path));
        if (signInStep && throttle.blocked(request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "?error");
            return;
        }
        if ("POST".equals(request.getMethod()) && PASSKEY_SIGN_IN.equals(path) && throttle.blocked(request.getRemoteAddr())) {
            // the sign-in page's script reads the status, as for any refused passkey
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}
