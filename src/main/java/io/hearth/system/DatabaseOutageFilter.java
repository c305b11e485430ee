package io.hearth.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database cannot be reached, every request that needs it is answered 503 with a page that itself needs
 * nothing (no session, no template that reads the viewer, no database) instead of a 500 or a hang: the session filter
 * fails before any page code runs, and Spring's error page would read the session again. It sits outside the session
 * filter and catches what fails on the way in or in a handler, as long as nothing of the answer was sent yet. The
 * connection pool recovers by itself once the database is back (Hikari replaces the broken connections).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    static final String RETRY_AFTER_SECONDS = "30";
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title><link rel="stylesheet" href="%s/css/hearth.css"></head>
            <body><main id="main" class="content"><section class="card card--narrow" aria-labelledby="error-heading">
            <h1 id="error-heading">%s</h1><p>%s</p><p>%s <code>%s</code></p></section></main></body></html>
            """;

    private final MessageSource messages;

    DatabaseOutageFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!databaseUnreachable(failure) || response.isCommitted()) {
                throw failure;
            }
            LOG.warn("database unreachable: answered 503 ({})", failure.getClass().getSimpleName());
            unavailable(request, response);
        }
    }

    /** Whether the failure (or one of its causes) says the database could not be reached, rather than a bad statement. */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // a rollback on the broken connection fails too, and then carries the original failure beside its own
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && databaseUnreachable(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // a JPA rollback on a connection the pool has already closed (it broke): the original failure is only logged
            if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException sql
                    && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        String requestId = RequestIds.of(request);
        response.setHeader("X-Request-Id", requestId);
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("json") && !accept.contains("html")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":503,\"error\":\"Service Unavailable\",\"requestId\":\"" + requestId + "\"}");
            return;
        }
        Locale locale = request.getLocale();
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(PAGE.formatted(HtmlUtils.htmlEscape(locale.getLanguage()), text("error.unavailable.title", locale),
                HtmlUtils.htmlEscape(request.getContextPath()), text("error.unavailable.title", locale), text("error.unavailable.explanation", locale),
                text("error.requestId", locale), HtmlUtils.htmlEscape(requestId)));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
