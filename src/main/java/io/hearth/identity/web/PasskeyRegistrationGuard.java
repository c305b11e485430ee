package io.hearth.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's passkey registration filters check only that someone is signed in (they sit outside the
 * authorization rules): this one, in front of them, asks for both factors and the window the password opened, takes
 * only the name given with the password, and closes the window once a passkey was added, so one password typed adds
 * one passkey.
 */
final class PasskeyRegistrationGuard extends OncePerRequestFilter {

    /** A registration (attestation and client data) is a few kilobytes; more is not one. */
    static final int MAX_REGISTRATION_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestMatcher options = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register/options");
    private final RequestMatcher register = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register");
    private final AuthorizationManager<RequestAuthorizationContext> allowed;
    private final Clock clock;

    PasskeyRegistrationGuard(AuthorizationManager<RequestAuthorizationContext> signedInWithBothFactors, Clock clock) {
        this.allowed = signedInWithBothFactors;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean forOptions = options.matches(request);
        if (!forOptions && !register.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PasskeyRegistration> window = PasskeyRegistration.current(request.getSession(false), clock);
        AuthorizationResult signedIn = allowed.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                new RequestAuthorizationContext(request));
        boolean bothFactors = signedIn != null && signedIn.isGranted();
        if (forOptions) {
            if (bothFactors && window.isPresent()) {
                chain.doFilter(request, response);
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        if (!bothFactors) {
            // the authorization rules send whoever is not fully signed in to the right step
            chain.doFilter(request, response);
            return;
        }
        if (window.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_REGISTRATION_BYTES + 1);
        if (body.length > MAX_REGISTRATION_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        if (!window.get().name().equals(label(body))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            PasskeyRegistration.close(request.getSession(false));
        }
    }

    private static String label(byte[] body) {
        try {
            JsonNode label = JSON.readTree(body).path("publicKey").path("label");
            return label.isString() ? label.asString() : null;
        } catch (JacksonException malformed) {
            return null;
        }
    }

    /** The request again, with the body this filter already read. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
