package io.hearth.messaging.web;

import io.hearth.messaging.internal.MessagingProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Message forms are {@code multipart/form-data} read as a stream (Spring's multipart handling is off, so nothing is
 * buffered). Spring Security's CSRF check would then find no {@code _csrf} parameter, so this filter, which runs just
 * before the security filters, reads the form's first part, which must be {@code _csrf} (the forms put it first), and
 * hands its value on as the {@code X-CSRF-TOKEN} header that the CSRF check reads; the rest of the body stays unread
 * for the controller. A request whose declared length is beyond what any message can need is refused at once (413),
 * before a byte of it is read.
 */
class MultipartCsrfFilter extends OncePerRequestFilter {

    static final String HEADER = "X-CSRF-TOKEN";
    private static final String READER = MultipartCsrfFilter.class.getName() + ".reader";
    private static final int MAX_TOKEN_BYTES = 256;

    private final long maxRequestSize;

    MultipartCsrfFilter(MessagingProperties settings) {
        this.maxRequestSize = settings.maxRequestSize();
    }

    static MultipartReader readerOf(HttpServletRequest request) {
        return request.getAttribute(READER) instanceof MultipartReader reader ? reader : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(path.startsWith("/my/messages") || path.startsWith("/staff/messages"))
                || MultipartReader.boundaryOf(request.getContentType()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxRequestSize) {
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        MultipartReader reader = new MultipartReader(request.getInputStream(), MultipartReader.boundaryOf(request.getContentType()));
        String token = null;
        try {
            MultipartReader.Part first = reader.next();
            if (first != null && "_csrf".equals(first.name()) && !first.isFile()) {
                byte[] value = first.content().readNBytes(MAX_TOKEN_BYTES + 1);
                token = value.length > MAX_TOKEN_BYTES ? null : new String(value, StandardCharsets.US_ASCII);
            }
        } catch (MultipartReader.MalformedException e) {
            token = null;
        }
        request.setAttribute(READER, reader);
        String csrf = token;
        chain.doFilter(csrf == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) ? csrf : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(csrf)) : super.getHeaders(name);
            }
        }, response);
    }
}
