package io.hearth.audit.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.PatientAccess;
import io.hearth.audit.PatientAccessLog;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class JdbcPatientAccessLog implements PatientAccessLog {

    private static final List<String> ACCESS = List.of(AuditAction.PHI_VIEW.name(), AuditAction.PHI_CHANGE.name(),
            AuditAction.PHI_EXPORT.name(), AuditAction.BREAK_GLASS.name());

    private final JdbcTemplate jdbc;
    private final ChainWriter writer;

    JdbcPatientAccessLog(JdbcTemplate jdbc, ChainWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @Override
    public List<PatientAccess> page(UUID patientId, String patientUsername, int page, int size) {
        ChainWriter.await(writer.flush()); // the patient sees an access recorded a moment ago too
        return jdbc.query("""
                select occurred_at, actor_id, actor_roles, action, object_type, reason from audit_entry
                where patient_id = ? and outcome = 'SUCCESS' and action in (?, ?, ?, ?)
                  and actor_id <> ? and actor_id not like 'system:%' and actor_roles <> '' and actor_roles <> 'PATIENT'
                order by occurred_at desc, seq desc
                limit ? offset ?""",
                (row, index) -> new PatientAccess(row.getTimestamp("occurred_at").toInstant(), row.getString("actor_id"),
                        row.getString("actor_roles"), AuditAction.valueOf(row.getString("action")), row.getString("object_type"),
                        row.getString("reason")),
                patientId, ACCESS.get(0), ACCESS.get(1), ACCESS.get(2), ACCESS.get(3), patientUsername, size, (long) page * size);
    }
}
