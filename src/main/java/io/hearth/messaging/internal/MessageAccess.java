package io.hearth.messaging.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may read a thread, as the access policy ({@link PatientAccess}) decides for the thread's pool as a kind of
 * data, applied both to single threads and, as SQL, to every query that lists or counts them: a patient their own
 * threads; staff the pools of their roles (BILLING, FRONT_DESK) and, as clinical staff, the provider and
 * Prescriptions threads of the patients in their care team or under a break-glass grant of theirs.
 */
@Component
public class MessageAccess {

    private final Accounts accounts;
    private final PatientAccess access;

    MessageAccess(Accounts accounts, PatientAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    /** The person signed in as this username with these roles (for callers outside a page, such as the unread count). */
    public Caller viewer(String username, Set<Role> roles) {
        UUID patient = roles.contains(Role.PATIENT) ? accounts.patientOf(username).orElse(null) : null;
        UUID practitioner = roles.contains(Role.PATIENT) ? null : accounts.practitionerOf(username).orElse(null);
        return Caller.person(null, username, null, roles, patient, practitioner);
    }

    boolean canRead(Caller viewer, MessageThread thread) {
        return access.decide(viewer, thread.patientId(), kindOf(thread.pool())).isAllowed();
    }

    /** Whether a patient may address this practitioner: one of their care team. */
    boolean inCareTeam(UUID practitioner, UUID patient) {
        return access.caresFor(practitioner, patient);
    }

    /** The kind of data a pool's threads are, for the access policy. */
    static DataKind kindOf(Pool pool) {
        return switch (pool) {
            case CARE_TEAM, PRESCRIPTIONS -> DataKind.CARE_TEAM_MESSAGES;
            case FRONT_DESK -> DataKind.FRONT_DESK_MESSAGES;
            case BILLING -> DataKind.BILLING_MESSAGES;
        };
    }

    /** Whether a colleague could read the thread (to be assigned it, or told of it). */
    boolean canRead(Accounts.StaffMember member, MessageThread thread) {
        return canRead(Caller.person(null, member.username(), null, member.roles(), null, member.practitionerId()), thread);
    }

    /**
     * A SQL condition on {@code message_thread t} that holds exactly for the threads the viewer may read: per pool,
     * every thread when the policy opens that pool's kind to the whole practice, else the threads of the patients it
     * reaches (their own for a patient; care team and break-glass for a clinician).
     */
    Condition visibleTo(Caller viewer) {
        List<String> anyPatient = new ArrayList<>(List.of("-"));
        Map<Set<UUID>, List<String>> poolsByPatients = new LinkedHashMap<>();
        for (Pool pool : Pool.values()) {
            PatientAccess.Reach reach = access.reach(viewer, kindOf(pool));
            if (reach.wholePractice()) {
                anyPatient.add(pool.name());
            } else if (!reach.patients().isEmpty()) {
                poolsByPatients.computeIfAbsent(reach.patients(), patients -> new ArrayList<>()).add(pool.name());
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("viewerPools", anyPatient);
        List<String> clauses = new ArrayList<>(List.of("t.pool in (:viewerPools)"));
        int n = 0;
        for (Map.Entry<Set<UUID>, List<String>> group : poolsByPatients.entrySet()) {
            parameters.put("pools" + n, group.getValue());
            parameters.put("patients" + n, List.copyOf(group.getKey()));
            clauses.add("(t.pool in (:pools" + n + ") and t.patient_id in (:patients" + n + "))");
            n++;
        }
        return new Condition("(" + String.join(" or ", clauses) + ")", parameters);
    }

    record Condition(String sql, Map<String, Object> parameters) {
    }
}
