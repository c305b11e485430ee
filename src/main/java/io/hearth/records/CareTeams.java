package io.hearth.records;

import java.util.List;
import java.util.UUID;

/**
 * Who cares for whom, as the health record shows it: a practitioner is in a patient's care team when the patient has
 * a visit with them or a CareTeam names them. Later features scope staff access with this.
 */
public interface CareTeams {

    boolean isInCareTeam(UUID practitionerId, UUID patientId);

    /** The patients a practitioner cares for. */
    List<UUID> patientsOf(UUID practitionerId);

    /** A patient's care team, the practitioner they see most first. */
    List<CareTeamMember> careTeamOf(UUID patientId);

    /** @param visits how many of the patient's visits were with them */
    record CareTeamMember(UUID practitionerId, String name, int visits) {
    }
}
