package io.hearth.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which patient record an account belongs to: asked on every page of a patient's record, so it is read from the
 * account row {@link AccountCallers} keeps for the request (one indexed query for the page, its caller and its
 * unread-message badge together), without a persistence context or a transaction around it.
 */
@Component
class PatientLinks {

    private final JdbcTemplate jdbc;
    private final AccountCallers rows;

    PatientLinks(JdbcTemplate jdbc, AccountCallers rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    Optional<UUID> of(String username) {
        return rows.row(username).map(AccountCallers.Row::patientId);
    }

    /** After a change of the link, so that the rest of the request reads it again. */
    void forget(String username) {
        AccountCallers.forget(username);
    }

    Optional<String> usernameOf(UUID patientId) {
        return jdbc.queryForList("select username from account where patient_id = ? order by created_at", String.class, patientId).stream()
                .findFirst();
    }
}
