package io.hearth.identity.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Adding a passkey needs the password typed again: that opens a short window in the session in which Spring
 * Security's registration endpoint accepts a new passkey, under the name the user gave with their password.
 */
record PasskeyRegistration(String name, Instant confirmedAt) implements java.io.Serializable {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String ATTRIBUTE = PasskeyRegistration.class.getName();

    static void open(HttpSession session, String name, Clock clock) {
        session.setAttribute(ATTRIBUTE, new PasskeyRegistration(name, clock.instant()));
    }

    /** The window the password opened, while it is still open. */
    static Optional<PasskeyRegistration> current(HttpSession session, Clock clock) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PasskeyRegistration registration
                && clock.instant().isBefore(registration.confirmedAt().plus(WINDOW)) ? Optional.of(registration) : Optional.empty();
    }

    /** A passkey was added: the next one needs the password again. */
    static void close(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** Granted only while the window the password opened is still open. */
    static AuthorizationManager<RequestAuthorizationContext> confirmed(Clock clock) {
        return (authentication, context) -> new AuthorizationDecision(current(context.getRequest().getSession(false), clock).isPresent());
    }
}
