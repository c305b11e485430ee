package io.hearth.identity.web;

import io.hearth.identity.internal.Factors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * The second step of signing in: a code from the authenticator app (or a recovery code) for the user who has just
 * given their password. Spring Security merges the factor it proves into the session's authentication.
 */
final class SecondFactorAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/signin/second-factor";

    SecondFactorAuthenticationFilter(AuthenticationManager authenticationManager) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH), authenticationManager);
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        setAuthenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler(PATH + "?error"));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!Factors.has(current, Factors.PASSWORD)) {
            throw new InsufficientAuthenticationException("sign in with a password first");
        }
        Authentication factor = getAuthenticationManager().authenticate(
                SecondFactorAuthenticationToken.unverified(current.getName(), request.getParameter("code")));
        return Factors.adding(current, factor.getAuthorities());
    }
}
