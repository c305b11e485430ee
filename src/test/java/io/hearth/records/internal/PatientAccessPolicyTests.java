package io.hearth.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.audit.Actor;
import io.hearth.compliance.EmergencyAccess;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.records.AccessDecision;
import io.hearth.records.AccessDecision.Basis;
import io.hearth.records.CareTeams;
import io.hearth.records.DataKind;
import io.hearth.records.PatientAccess.Reach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/**
 * The access policy as a matrix: every role, every kind of data, every relationship the caller can have to the
 * patient. The expected table is written out here from README's role rules, not read from the policy.
 */
class PatientAccessPolicyTests {

    enum Relationship { OWN, CARE_TEAM, NONE, BREAK_GLASS, BREAK_GLASS_EXPIRED }

    static final String CLINICIAN_KINDS = "DEMOGRAPHICS CLINICAL_RECORD RESULTS NOTES MEDICATIONS APPOINTMENTS CARE_TEAM_MESSAGES";
    static final String ALL_KINDS = Arrays.stream(DataKind.values()).map(Enum::name).collect(Collectors.joining(" "));

    /** Role, then relationship, then the kinds allowed (README: "Roles and what they see"). */
    static final Map<Role, Map<Relationship, String>> EXPECTED = Map.of(
            Role.PATIENT, Map.of(Relationship.OWN, ALL_KINDS),
            Role.PROVIDER, Map.of(Relationship.CARE_TEAM, CLINICIAN_KINDS, Relationship.BREAK_GLASS, CLINICIAN_KINDS),
            Role.NURSE, Map.of(Relationship.CARE_TEAM, CLINICIAN_KINDS, Relationship.BREAK_GLASS, CLINICIAN_KINDS),
            Role.FRONT_DESK, everywhere("DEMOGRAPHICS APPOINTMENTS FRONT_DESK_MESSAGES"),
            Role.BILLING, everywhere("DEMOGRAPHICS BILLING BILLING_MESSAGES"),
            Role.ADMIN, Map.of(),
            Role.SECURITY_OFFICER, Map.of());

    static final UUID PATIENT = UUID.randomUUID();
    static final UUID OTHER_PATIENT = UUID.randomUUID();
    static final UUID PRACTITIONER = UUID.randomUUID();

    final Teams teams = new Teams();
    final Grants grants = new Grants();
    final PatientAccessPolicy policy = new PatientAccessPolicy(teams, grants);

    @Test
    void everyRoleKindAndRelationshipIsDecidedAsTheRolesTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relationship relationship : Relationship.values()) {
                Caller caller = callerWith(role, relationship);
                Set<String> allowed = Set.of(EXPECTED.get(role).getOrDefault(relationship, "").split(" "));
                for (DataKind kind : DataKind.values()) {
                    AccessDecision decision = policy.decide(caller, PATIENT, kind);
                    if (decision.isAllowed() != allowed.contains(kind.name())) {
                        wrong.add(role + " / " + relationship + " / " + kind + ": " + decision);
                    }
                    Reach reach = policy.reach(caller, kind);
                    if (reach.includes(PATIENT) != allowed.contains(kind.name())) {
                        wrong.add(role + " / " + relationship + " / " + kind + ": listed " + reach.includes(PATIENT));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theBasisSaysWhyAndARefusalSaysWhyNot() {
        assertThat(policy.decide(callerWith(Role.PATIENT, Relationship.OWN), PATIENT, DataKind.RESULTS).basis()).isEqualTo(Basis.OWN_RECORD);
        assertThat(policy.decide(callerWith(Role.PROVIDER, Relationship.CARE_TEAM), PATIENT, DataKind.RESULTS).basis()).isEqualTo(Basis.CARE_TEAM);
        assertThat(policy.decide(callerWith(Role.NURSE, Relationship.BREAK_GLASS), PATIENT, DataKind.CARE_TEAM_MESSAGES).basis())
                .isEqualTo(Basis.BREAK_GLASS);
        assertThat(policy.decide(callerWith(Role.FRONT_DESK, Relationship.NONE), PATIENT, DataKind.APPOINTMENTS).basis())
                .isEqualTo(Basis.WHOLE_PRACTICE);
        assertThat(policy.decide(callerWith(Role.PROVIDER, Relationship.NONE), PATIENT, DataKind.RESULTS).refusal()).isEqualTo("not in the care team");
        assertThat(policy.decide(callerWith(Role.PATIENT, Relationship.OWN), OTHER_PATIENT, DataKind.RESULTS).refusal())
                .isEqualTo("another patient's record");
        assertThat(policy.decide(Caller.nobody(), PATIENT, DataKind.DEMOGRAPHICS).isAllowed()).isFalse();
    }

    @Test
    void aClinicianSeesAnAppointmentWithThemOfAPatientOutsideTheirCareTeamButNothingElseOfThatPatient() {
        Caller provider = callerWith(Role.PROVIDER, Relationship.NONE);

        assertThat(policy.decide(provider, PATIENT, DataKind.APPOINTMENTS, PRACTITIONER).basis()).isEqualTo(Basis.NAMED_PRACTITIONER);
        assertThat(policy.decide(provider, PATIENT, DataKind.APPOINTMENTS, UUID.randomUUID()).isAllowed()).isFalse();
        assertThat(policy.decide(provider, PATIENT, DataKind.RESULTS, PRACTITIONER).isAllowed()).isFalse();
        assertThat(policy.reach(provider, DataKind.APPOINTMENTS).namedPractitioner()).isEqualTo(PRACTITIONER);
        assertThat(policy.reach(provider, DataKind.RESULTS).namedPractitioner()).isNull();
    }

    @Test
    void aPersonWithSeveralRolesHasWhatEachOfThemHas() {
        teams.add(PRACTITIONER, PATIENT);
        Caller both = Caller.person(UUID.randomUUID(), "both", "Both", EnumSet.of(Role.NURSE, Role.BILLING), null, PRACTITIONER);

        assertThat(policy.decide(both, PATIENT, DataKind.RESULTS).isAllowed()).isTrue();
        assertThat(policy.decide(both, OTHER_PATIENT, DataKind.BILLING).isAllowed()).isTrue();
        assertThat(policy.decide(both, OTHER_PATIENT, DataKind.RESULTS).isAllowed()).isFalse();
    }

    @Test
    void aBreakGlassGrantOpensOnlyItsPatientAndOnlyUntilItEnds() {
        Caller nurse = callerWith(Role.NURSE, Relationship.BREAK_GLASS);
        assertThat(policy.decide(nurse, OTHER_PATIENT, DataKind.RESULTS).isAllowed()).isFalse();
        assertThat(policy.reach(nurse, DataKind.MEDICATIONS).patients()).containsExactly(PATIENT);

        grants.now = grants.now.plus(Duration.ofHours(2));

        assertThat(policy.decide(nurse, PATIENT, DataKind.RESULTS).isAllowed()).isFalse();
        assertThat(policy.reach(nurse, DataKind.MEDICATIONS).patients()).isEmpty();
    }

    /** A single-role caller who stands in this relationship to {@link #PATIENT}. */
    private Caller callerWith(Role role, Relationship relationship) {
        String username = role.name().toLowerCase() + "-" + relationship.name().toLowerCase();
        UUID patientId = role == Role.PATIENT ? (relationship == Relationship.OWN ? PATIENT : OTHER_PATIENT) : null;
        UUID practitioner = role == Role.PATIENT ? null : PRACTITIONER;
        if (relationship == Relationship.CARE_TEAM && role != Role.PATIENT) {
            Caller caller = Caller.person(UUID.randomUUID(), username, "Staff", Set.of(role), null, UUID.randomUUID());
            teams.add(caller.practitionerId(), PATIENT);
            return caller;
        }
        if (relationship == Relationship.BREAK_GLASS || relationship == Relationship.BREAK_GLASS_EXPIRED) {
            Instant ends = relationship == Relationship.BREAK_GLASS ? grants.now.plus(Duration.ofHours(1)) : grants.now.minusSeconds(1);
            grants.expiry.put(username + "/" + PATIENT, ends);
        }
        return Caller.person(UUID.randomUUID(), username, "Someone", Set.of(role), patientId, practitioner);
    }

    private static Map<Relationship, String> everywhere(String kinds) {
        Map<Relationship, String> all = new HashMap<>();
        for (Relationship relationship : Relationship.values()) {
            all.put(relationship, kinds);
        }
        return all;
    }

    /** Care teams as a set of (practitioner, patient) pairs. */
    static final class Teams implements CareTeams {

        final Map<UUID, Set<UUID>> patientsOf = new HashMap<>();

        void add(UUID practitioner, UUID patient) {
            patientsOf.computeIfAbsent(practitioner, p -> new java.util.HashSet<>()).add(patient);
        }

        @Override
        public boolean isInCareTeam(UUID practitionerId, UUID patientId) {
            return patientsOf.getOrDefault(practitionerId, Set.of()).contains(patientId);
        }

        @Override
        public List<UUID> patientsOf(UUID practitionerId) {
            return List.copyOf(patientsOf.getOrDefault(practitionerId, Set.of()));
        }

        @Override
        public List<CareTeamMember> careTeamOf(UUID patientId) {
            return List.of();
        }
    }

    /** Break-glass grants with their end, on a clock the test moves. */
    static final class Grants implements EmergencyAccess {

        final Map<String, Instant> expiry = new HashMap<>();
        Instant now = Instant.parse("2026-06-01T10:00:00Z");

        @Override
        public boolean active(String username, UUID patient) {
            Instant ends = expiry.get(username + "/" + patient);
            return ends != null && ends.isAfter(now);
        }

        @Override
        public Set<UUID> activeFor(String username) {
            return expiry.entrySet().stream().filter(e -> e.getKey().startsWith(username + "/") && e.getValue().isAfter(now))
                    .map(e -> UUID.fromString(e.getKey().substring(username.length() + 1))).collect(Collectors.toSet());
        }

        @Override
        public Instant open(Authentication clinician, UUID patient, String reason, String details, String secondFactorCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Grant> awaitingReview() {
            return List.of();
        }

        @Override
        public List<Grant> reviewed(int limit) {
            return List.of();
        }

        @Override
        public void review(UUID grant, Review verdict, String note, Actor by) {
            throw new UnsupportedOperationException();
        }
    }
}
