package io.hearth.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Anything that arrives over plain HTTP gets a redirect to the same path on the configured HTTPS address and
 * nothing else: no session, no page, no error body. The target is built from hearth.base-url, never from the
 * Host header, so the redirect cannot be pointed elsewhere.
 */
class HttpsOnlyFilter extends OncePerRequestFilter {

    private final URI baseUrl;

    HttpsOnlyFilter(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        String target = UriComponentsBuilder.fromUri(baseUrl)
                .path(request.getRequestURI())
                .query(request.getQueryString())
                .build(true)
                .toUriString();
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", target);
        response.setHeader("Connection", "close");
        response.setContentLength(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<HttpsOnlyFilter> httpsOnlyFilter(HearthProperties properties) {
            var registration = new FilterRegistrationBean<>(new HttpsOnlyFilter(properties.baseUrl()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
