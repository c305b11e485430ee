package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of a request from one indexed query, kept for the rest of the request (the page, its access decisions
 * and its layout all ask). Roles come from the authentication, as every other check reads them.
 */
@Component
class AccountCallers implements Callers {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    AccountCallers(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public Caller of(Authentication who) {
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return Caller.nobody();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read(who);
        }
        String key = requestKey(who.getName());
        Caller known = (Caller) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known == null || !known.roles().equals(Role.heldBy(who))) {
            known = read(who);
            request.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
        }
        return known;
    }

    /** After a change of the account's links, so that the rest of the request reads them again. */
    static void forget(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(requestKey(username), RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static String requestKey(String username) {
        return AccountCallers.class.getName() + "." + Usernames.key(username);
    }

    private Caller read(Authentication who) {
        Set<Role> roles = Role.heldBy(who);
        return jdbc.query("select id, patient_id, practitioner_id, display_name_ciphertext from account where username_key = ?", rows -> {
            if (!rows.next()) {
                return Caller.person(null, who.getName(), null, roles, null, null);
            }
            UUID id = rows.getObject(1, UUID.class);
            UUID patient = roles.contains(Role.PATIENT) ? rows.getObject(2, UUID.class) : null;
            UUID practitioner = rows.getObject(3, UUID.class);
            String name = cipher.decrypt(rows.getBytes(4), Account.DISPLAY_NAME.at(id));
            return Caller.person(id, who.getName(), name, roles, patient, practitioner);
        }, Usernames.key(who.getName()));
    }
}
