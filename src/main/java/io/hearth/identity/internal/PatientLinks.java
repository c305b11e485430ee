package io.hearth.identity.internal;

import io.hearth.identity.Usernames;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which patient record an account belongs to: asked on every page of a patient's record, so it is one indexed
 * query, without a persistence context or a transaction around it.
 */
@Component
class PatientLinks {

    private final JdbcTemplate jdbc;

    PatientLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> of(String username) {
        return jdbc.queryForList("select patient_id from account where username_key = ?", UUID.class, Usernames.key(username)).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<String> usernameOf(UUID patientId) {
        return jdbc.queryForList("select username from account where patient_id = ? order by created_at", String.class, patientId).stream()
                .findFirst();
    }
}
