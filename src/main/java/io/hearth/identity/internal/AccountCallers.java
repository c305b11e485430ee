package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.identity.Role;
import io.hearth.identity.Usernames;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of a request from one indexed query of the account's row, kept for the rest of the request (the page,
 * its access decisions, its layout and the patient link all ask). Roles come from the authentication, as every other
 * check reads them.
 */
@Component
class AccountCallers implements Callers {

    /** What a request needs of the account: its id, links and (encrypted) name; absent when there is no such account. */
    record Row(UUID id, UUID patientId, UUID practitionerId, byte[] displayNameCiphertext) {
    }

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
        Set<Role> roles = Role.heldBy(who);
        return row(who.getName()).map(row -> Caller.person(row.id(), who.getName(), cipher.decrypt(row.displayNameCiphertext(),
                Account.DISPLAY_NAME.at(row.id())), roles, roles.contains(Role.PATIENT) ? row.patientId() : null, row.practitionerId()))
                .orElseGet(() -> Caller.person(null, who.getName(), null, roles, null, null));
    }

    /** The account's row, read once per request (every time outside one). */
    Optional<Row> row(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read(username);
        }
        String key = requestKey(username);
        @SuppressWarnings("unchecked")
        Optional<Row> known = (Optional<Row>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = read(username);
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

    private Optional<Row> read(String username) {
        return jdbc.query("select id, patient_id, practitioner_id, display_name_ciphertext from account where username_key = ?",
                (rows, n) -> new Row(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class), rows.getBytes(4)),
                Usernames.key(username)).stream().findFirst();
    }
}
