package io.hearth.records.internal;

import io.hearth.records.CareTeams;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The care-team rule over {@code care_relationship}, kept by {@link RecordStore} from visits and CareTeams. */
@Service
@Transactional(readOnly = true)
class CareRelationships implements CareTeams {

    private static final String PRACTITIONER_JOIN =
            " from care_relationship c join directory_entry d on d.kind = 'PRACTITIONER' and d.identifier = c.practitioner_identifier ";

    private final JdbcTemplate jdbc;

    CareRelationships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isInCareTeam(UUID practitionerId, UUID patientId) {
        if (practitionerId == null || patientId == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0" + PRACTITIONER_JOIN + "where d.id = ? and c.patient_id = ?",
                Boolean.class, practitionerId, patientId));
    }

    @Override
    public List<UUID> patientsOf(UUID practitionerId) {
        return jdbc.queryForList("select distinct c.patient_id" + PRACTITIONER_JOIN + "where d.id = ?", UUID.class, practitionerId);
    }

    @Override
    public List<CareTeamMember> careTeamOf(UUID patientId) {
        return jdbc.query("select d.id, d.name, count(*) as visits" + PRACTITIONER_JOIN
                + "where c.patient_id = ? group by d.id, d.name order by visits desc, d.name",
                (row, n) -> new CareTeamMember(row.getObject(1, UUID.class), row.getString(2), row.getInt(3)), patientId);
    }
}
