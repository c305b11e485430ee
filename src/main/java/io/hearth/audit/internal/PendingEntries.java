package io.hearth.audit.internal;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes an entry to audit_pending inside the caller's transaction (see V7__audit_pending.sql). */
@Component
class PendingEntries {

    private final JdbcTemplate jdbc;

    PendingEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    NewEntry write(NewEntry entry) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into audit_pending (id, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type,
                    object_id, reason, client_address, request_id, session_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, Timestamp.from(entry.occurredAt()), entry.actorId(), entry.actorRoles(), entry.action(), entry.outcome(),
                entry.patientId(), entry.objectType(), entry.objectId(), entry.reason(), entry.clientAddress(), entry.requestId(),
                entry.sessionHash());
        return entry.pending(id);
    }
}
