package io.hearth.identity.internal;

import io.hearth.identity.Usernames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which patient record an account belongs to: asked on every page of a patient's record, so it is one indexed
 * query, without a persistence context or a transaction around it, and asked once per request (the record and the
 * unread-message badge of one page both need it).
 */
@Component
class PatientLinks {

    private final JdbcTemplate jdbc;

    PatientLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> of(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read(username);
        }
        String key = requestKey(username);
        @SuppressWarnings("unchecked")
        Optional<UUID> known = (Optional<UUID>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = read(username);
            request.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    /** After a change of the link, so that the rest of the request reads it again. */
    void forget(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(requestKey(username), RequestAttributes.SCOPE_REQUEST);
        }
        AccountCallers.forget(username);
    }

    private static String requestKey(String username) {
        return PatientLinks.class.getName() + "." + Usernames.key(username);
    }

    private Optional<UUID> read(String username) {
        return jdbc.queryForList("select patient_id from account where username_key = ?", UUID.class, Usernames.key(username)).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<String> usernameOf(UUID patientId) {
        return jdbc.queryForList("select username from account where patient_id = ? order by created_at", String.class, patientId).stream()
                .findFirst();
    }
}
