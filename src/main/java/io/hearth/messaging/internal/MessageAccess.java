package io.hearth.messaging.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one rule of who may read a thread, applied both to single threads and, as SQL, to every query that lists or
 * counts them: a patient their own threads; staff the pools of their roles (BILLING, FRONT_DESK) and, when they are
 * clinical staff linked to a practitioner, the provider and Prescriptions threads of the patients in their care.
 */
@Component
public class MessageAccess {

    private static final UUID NONE = new UUID(0, 0);

    private final Accounts accounts;
    private final CareTeams careTeams;

    MessageAccess(Accounts accounts, CareTeams careTeams) {
        this.accounts = accounts;
        this.careTeams = careTeams;
    }

    /** The person signed in as this username with these roles. */
    public Viewer viewer(String username, Set<Role> roles) {
        UUID patient = roles.contains(Role.PATIENT) ? accounts.patientOf(username).orElse(null) : null;
        UUID practitioner = roles.contains(Role.PATIENT) ? null : accounts.practitionerOf(username).orElse(null);
        return new Viewer(username, Set.copyOf(roles), patient, practitioner);
    }

    boolean canRead(Viewer viewer, MessageThread thread) {
        if (viewer.roles().contains(Role.PATIENT)) {
            return thread.patientId().equals(viewer.patientId());
        }
        if (Pool.byRole(viewer.roles()).contains(thread.pool())) {
            return true;
        }
        return Pool.CLINICAL.contains(thread.pool()) && viewer.isClinical()
                && careTeams.isInCareTeam(viewer.practitionerId(), thread.patientId());
    }

    /** Whether a colleague could read the thread (to be assigned it, or told of it). */
    boolean canRead(Accounts.StaffMember member, MessageThread thread) {
        return canRead(new Viewer(member.username(), member.roles(), null, member.practitionerId()), thread);
    }

    /** A SQL condition on {@code message_thread t} that holds exactly for the threads the viewer may read. */
    Condition visibleTo(Viewer viewer) {
        Map<String, Object> parameters = new HashMap<>();
        if (viewer.roles().contains(Role.PATIENT)) {
            parameters.put("viewerPatient", viewer.patientId() == null ? NONE : viewer.patientId());
            return new Condition("t.patient_id = :viewerPatient", parameters);
        }
        List<String> pools = new ArrayList<>(Pool.byRole(viewer.roles()).stream().map(Pool::name).toList());
        pools.add("-");
        List<UUID> patients = new ArrayList<>(viewer.isClinical() ? careTeams.patientsOf(viewer.practitionerId()) : List.of());
        patients.add(NONE);
        parameters.put("viewerPools", pools);
        parameters.put("viewerPatients", patients);
        return new Condition("(t.pool in (:viewerPools) or (t.pool in ('CARE_TEAM', 'PRESCRIPTIONS') and t.patient_id in (:viewerPatients)))",
                parameters);
    }

    record Condition(String sql, Map<String, Object> parameters) {
    }
}
