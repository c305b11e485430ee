package io.hearth.identity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Spring's session request cache, except that the page a person was going to is given back as a path alone
 * ({@code /my/results?continue}). Spring's saved request builds an absolute URL from the Host header of the request
 * it saved, and sign-in success (both steps, and the passkey answer's {@code redirectUrl}) would send the browser
 * there; Spring offers no setting for a relative one ({@code DefaultRedirectStrategy.setContextRelative} mangles
 * absolute URLs under the root context), so this small wrapper does it.
 */
final class PathOnlyRequestCache implements RequestCache {

    private final RequestCache sessions = new HttpSessionRequestCache();

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.saveRequest(request, response);
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = sessions.getRequest(request, response);
        return saved == null ? null : new PathOnly(saved);
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return sessions.getMatchingRequest(request, response);
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.removeRequest(request, response);
    }

    /** The saved request with its redirect URL stripped of scheme, host and port (and of a second leading slash). */
    private record PathOnly(SavedRequest saved) implements SavedRequest {

        @Override
        public String getRedirectUrl() {
            try {
                URI url = new URI(saved.getRedirectUrl());
                String path = url.getRawPath() == null ? "/" : "/" + url.getRawPath().replaceFirst("^/+", "");
                return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
            } catch (URISyntaxException e) {
                return "/";
            }
        }

        @Override
        public List<Cookie> getCookies() {
            return saved.getCookies();
        }

        @Override
        public String getMethod() {
            return saved.getMethod();
        }

        @Override
        public List<String> getHeaderValues(String name) {
            return saved.getHeaderValues(name);
        }

        @Override
        public Collection<String> getHeaderNames() {
            return saved.getHeaderNames();
        }

        @Override
        public List<Locale> getLocales() {
            return saved.getLocales();
        }

        @Override
        public String[] getParameterValues(String name) {
            return saved.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return saved.getParameterMap();
        }
    }
}
