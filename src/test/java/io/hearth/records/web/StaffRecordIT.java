package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Clinical staff read the records of their care team's patients through the patient's pages, and nobody else's:
 * over HTTPS on PostgreSQL with two imported Synthea patients, a provider and a nurse of one of them, and staff of
 * every other role. Laboratory results wait 72 hours before the patient sees them; the clinician sees them at once.
 */
@PortalTest
@TestPropertySource(properties = "hearth.records.release-hold.laboratory=72h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffRecordIT {

    static final String PASSWORD = "lantern-meadow-copper-58";

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    Accounts accounts;

    @Autowired
    CareTeams careTeams;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAudit audit;

    UUID cedric;
    UUID monroe;
    UUID cedricsPractitioner;

    @BeforeAll
    void importAndLink() {
        var patients = SyntheaBundles.importPatients(fhirImport, "Cedric746", "Monroe732");
        cedric = patients.get("Cedric746");
        monroe = patients.get("Monroe732");
        Set<UUID> monroesTeam = careTeams.careTeamOf(monroe).stream().map(CareTeams.CareTeamMember::practitionerId).collect(Collectors.toSet());
        cedricsPractitioner = careTeams.careTeamOf(cedric).stream().map(CareTeams.CareTeamMember::practitionerId)
                .filter(practitioner -> !monroesTeam.contains(practitioner)).findFirst().orElseThrow();
        people.create("cedric.patient", "Cedric Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("cedric.patient", cedric);
        people.create("dr.cedric", "Dr. Of Cedric", PASSWORD, Role.PROVIDER);
        accounts.linkPractitioner("dr.cedric", cedricsPractitioner);
        people.create("nurse.cedric", "Nurse Of Cedric", PASSWORD, Role.NURSE);
        accounts.linkPractitioner("nurse.cedric", cedricsPractitioner);
        people.create("dr.unlinked", "Dr. Unlinked", PASSWORD, Role.PROVIDER);
        // other staff roles, even when linked to the same practitioner, read no clinical record
        for (Role role : List.of(Role.FRONT_DESK, Role.BILLING, Role.ADMIN, Role.SECURITY_OFFICER)) {
            String username = "staff." + role.name().toLowerCase(java.util.Locale.ROOT);
            people.create(username, "Staff " + role, PASSWORD, role);
            accounts.linkPractitioner(username, cedricsPractitioner);
        }
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    @Test
    void aProviderListsTheirPatientsAndReadsTheSummaryResultsTrendVisitsAndNotesOfOneAllAudited() {
        PortalClient doctor = signedIn("dr.cedric");
        String base = "/staff/patients/" + cedric;

        HttpResponse<String> list = doctor.get("/staff/patients");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Cedric746", "href=\"" + base + "/record\"").doesNotContain("Monroe732");

        HttpResponse<String> summary = doctor.get(base + "/record");
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(summary.body()).contains("Cedric746", "Active problems", "Recent vital signs", "href=\"" + base + "/results\"")
                .doesNotContain("href=\"/my/");

        String results = doctor.get(base + "/results").body();
        assertThat(results).contains("Ordered by Dr. ", "href=\"" + base + "/reports/", "href=\"" + base + "/results?page=1\"")
                .doesNotContain("href=\"/my/");
        assertThat(results.split("href=\"" + base + "/results/", -1).length - 1).as("50 rows").isEqualTo(50);

        String result = results.replaceAll("(?s).*?href=\"(" + base + "/results/[0-9a-f-]{36})\".*", "$1");
        assertThat(doctor.get(result).body()).contains("<svg", "Trend of ", "All results of this test");
        String report = results.replaceAll("(?s).*?href=\"(" + base + "/reports/[0-9a-f-]{36})\".*", "$1");
        assertThat(doctor.get(report).statusCode()).isEqualTo(200);

        String visits = doctor.get(base + "/visits").body();
        String note = visits.replaceAll("(?s).*?href=\"(" + base + "/notes/[0-9a-f-]{36})\".*", "$1");
        assertThat(doctor.get(note).body()).contains("note-text", "# Chief Complaint");
        String visit = visits.replaceAll("(?s).*?href=\"(" + base + "/visits/[0-9a-f-]{36})\".*", "$1");
        assertThat(doctor.get(visit).statusCode()).isEqualTo(200);

        Map<String, Long> viewed = viewsBy("dr.cedric", cedric);
        assertThat(viewed).containsKeys("health-summary", "lab-results", "lab-result", "lab-report", "visits", "visit", "visit-note");
        assertThat(signedIn("nurse.cedric").get(base + "/results").statusCode()).as("a nurse of the care team").isEqualTo(200);
    }

    @Test
    void theStaffReadShowsInThePatientsAccessLog() {
        signedIn("nurse.cedric").get("/staff/patients/" + cedric + "/record");

        String log = signedIn("cedric.patient").get("/my/access-log").body();

        assertThat(log).contains("Nurse Of Cedric", "NURSE", "health-summary");
    }

    @Test
    void aPatientOutsideTheCareTeamIsNotFoundAndTheAttemptAudited() {
        PortalClient doctor = signedIn("dr.cedric");
        UUID monroesResult = jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = 'OBSERVATION'"
                + " and category = 'laboratory' limit 1", UUID.class, monroe);
        long before = denied("dr.cedric", monroe, "not in the care team");

        for (String path : List.of("/record", "/results", "/results/" + monroesResult, "/visits")) {
            HttpResponse<String> answer = doctor.get("/staff/patients/" + monroe + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Monroe732");
        }
        assertThat(denied("dr.cedric", monroe, "not in the care team")).isEqualTo(before + 4);
        assertThat(viewsBy("dr.cedric", monroe)).isEmpty();
        assertThat(doctor.get("/staff/patients/" + UUID.randomUUID() + "/record").statusCode()).as("a guessed patient id").isEqualTo(404);
        assertThat(signedIn("dr.unlinked").get("/staff/patients/" + cedric + "/record").statusCode()).as("no practitioner link").isEqualTo(404);
    }

    @Test
    void anotherPatientsRecordIdInsideAnOpenChartIsNotFoundAndAudited() {
        PortalClient doctor = signedIn("dr.cedric");
        for (String[] target : List.of(new String[] { "OBSERVATION", "/results/", "lab-result" },
                new String[] { "DIAGNOSTIC_REPORT", "/reports/", "lab-report" }, new String[] { "ENCOUNTER", "/visits/", "visit" },
                new String[] { "DOCUMENT", "/notes/", "visit-note" })) {
            UUID monroesRecord = jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = ? limit 1", UUID.class,
                    monroe, target[0]);

            HttpResponse<String> answer = doctor.get("/staff/patients/" + cedric + target[1] + monroesRecord);

            assertThat(answer.statusCode()).as(target[1]).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Monroe732");
            audit.awaitChained();
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'DENIED'"
                    + " and actor_id = 'dr.cedric' and patient_id = ? and object_type = ? and object_id = ?", Long.class, cedric, target[2],
                    monroesRecord.toString())).as(target[2]).isEqualTo(1);
        }
    }

    @Test
    void staffWithoutAClinicalRoleAreRefusedEveryPatientsRecordAndTheirPatientListAudited() {
        for (Role role : List.of(Role.FRONT_DESK, Role.BILLING, Role.ADMIN, Role.SECURITY_OFFICER)) {
            String username = "staff." + role.name().toLowerCase(java.util.Locale.ROOT);
            PortalClient staff = signedIn(username);
            long before = denied(username, cedric, "no clinical role");

            for (String path : List.of("/record", "/results", "/visits")) {
                HttpResponse<String> answer = staff.get("/staff/patients/" + cedric + path);
                assertThat(answer.statusCode()).as(role + " " + path).isEqualTo(404);
                assertThat(answer.body()).doesNotContain("Cedric746");
            }
            boolean office = role == Role.FRONT_DESK || role == Role.BILLING;
            HttpResponse<String> list = staff.get("/staff/patients");
            assertThat(list.statusCode()).as(role + " patient list (office staff: a finder, no list)").isEqualTo(office ? 200 : 404);
            assertThat(list.body()).doesNotContain("Cedric746");

            assertThat(denied(username, cedric, "no clinical role")).as(role.name()).isEqualTo(before + 3);
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'DENIED'"
                    + " and actor_id = ? and object_type = 'care-team-patients'", Long.class, username)).as(role.name()).isEqualTo(office ? 0 : 1);
            assertThat(viewsBy(username, cedric)).as(role.name()).isEmpty();
        }
    }

    @Test
    void anAdministratorLinksAStaffAccountToItsPractitionerAndOnlyThenTheClinicianReadsTheirPatients() {
        UUID account = accounts.idOf("dr.unlinked").orElseThrow();
        String page = "/admin/accounts/" + account + "/practitioner";
        String name = careTeams.careTeamOf(cedric).stream().filter(member -> member.practitionerId().equals(cedricsPractitioner)).findFirst()
                .orElseThrow().name();
        String lastWord = name.substring(name.lastIndexOf(' ') + 1);
        PortalClient admin = signedIn("staff.admin");
        assertThat(admin.get("/admin/accounts/" + account).body()).contains(page);
        assertThat(admin.get(page + "?q=" + lastWord.toLowerCase(java.util.Locale.ROOT)).body()).contains(name, cedricsPractitioner.toString());
        assertThat(signedIn("dr.unlinked").get("/staff/patients/" + cedric + "/record").statusCode()).isEqualTo(404);

        HttpResponse<String> unknown = admin.submit(page, page, "practitioner=" + cedric); // a patient's id is no practitioner
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("not a practitioner of the directory");
        assertThat(admin.submit(page, page, "practitioner=" + cedricsPractitioner).statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Linked to " + name);
        assertThat(signedIn("dr.unlinked").get("/staff/patients/" + cedric + "/record").statusCode()).isEqualTo(200);

        assertThat(admin.submit(page, page, "practitioner=none").statusCode()).isEqualTo(302);
        assertThat(signedIn("dr.unlinked").get("/staff/patients/" + cedric + "/record").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/accounts/" + accounts.idOf("cedric.patient").orElseThrow() + "/practitioner").statusCode())
                .as("a patient's account has no practitioner").isEqualTo(404);
    }

    /** Minimum necessary, role by role: what each may open of one patient (Cedric), wherever the link came from. */
    @Test
    void eachRoleReadsOnlyTheKindsOfDataItNeeds() {
        List<String> pages = List.of("/demographics", "/claims", "/record", "/results", "/visits");
        Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
        expected.put("dr.cedric", List.of(200, 404, 200, 200, 200));
        expected.put("nurse.cedric", List.of(200, 404, 200, 200, 200));
        expected.put("dr.unlinked", List.of(404, 404, 404, 404, 404));
        expected.put("staff.front_desk", List.of(200, 404, 404, 404, 404));
        expected.put("staff.billing", List.of(200, 200, 404, 404, 404));
        expected.put("staff.admin", List.of(404, 404, 404, 404, 404));
        expected.put("staff.security_officer", List.of(404, 404, 404, 404, 404));
        expected.put("cedric.patient", List.of(403, 403, 403, 403, 403));
        Map<String, List<Integer>> actual = new java.util.LinkedHashMap<>();
        for (String username : expected.keySet()) {
            PortalClient client = signedIn(username);
            actual.put(username, pages.stream().map(page -> client.get("/staff/patients/" + cedric + page).statusCode()).toList());
        }
        assertThat(actual).isEqualTo(expected);

        String claims = signedIn("staff.billing").get("/staff/patients/" + cedric + "/claims").body();
        assertThat(claims).contains("Cedric746", "Explanation of benefit").containsPattern("\\d+\\.\\d\\d USD");
        String finder = signedIn("staff.front_desk").get("/staff/patients?q=cedric").body();
        assertThat(finder).contains("/staff/patients/" + cedric + "/demographics");
        assertThat(signedIn("staff.front_desk").get("/staff/patients/" + cedric + "/demographics").body()).contains("Cedric746")
                .doesNotContain("/claims");
        assertThat(signedIn("staff.billing").get("/staff/patients/" + UUID.randomUUID() + "/demographics").statusCode()).as("no such patient")
                .isEqualTo(404);
    }

    @Test
    void aPatientCannotUseTheStaffPages() {
        PortalClient patient = signedIn("cedric.patient");

        for (String path : List.of("/staff/patients", "/staff/patients/" + cedric + "/record", "/staff/patients/" + cedric + "/results")) {
            HttpResponse<String> answer = patient.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("Cedric746");
        }
    }

    @Test
    void aClinicianSeesAResultBeforeItsReleaseToThePatient() {
        UUID newest = jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = 'OBSERVATION'"
                + " and category = 'laboratory' order by effective_at desc limit 1", UUID.class, cedric);
        Instant issued = jdbc.queryForObject("select effective_at from record_entry where id = ?", java.sql.Timestamp.class, newest).toInstant();
        Duration back = Duration.between(issued, TestClock.INSTANCE.instant()).minusMinutes(1);
        PortalClient doctor = signedIn("dr.cedric");
        PortalClient patient = signedIn("cedric.patient");
        TestClock.INSTANCE.advance(back.negated()); // a minute after the result was issued, within the 72 h hold
        try {
            assertThat(doctor.get("/staff/patients/" + cedric + "/results/" + newest).statusCode()).isEqualTo(200);
            assertThat(doctor.get("/staff/patients/" + cedric + "/results").body()).contains(newest.toString());
            assertThat(patient.get("/my/results/" + newest).statusCode()).isEqualTo(404);
        } finally {
            TestClock.INSTANCE.advance(back);
        }
    }

    @Test
    void theMenuOffersEachPersonTheirOwnPages() {
        String doctorsPage = signedIn("dr.cedric").get("/staff/patients").body();
        String patientsPage = signedIn("cedric.patient").get("/my/record").body();
        String adminsPage = signedIn("staff.admin").get("/").body();

        assertThat(doctorsPage).contains("href=\"/staff/patients\"").doesNotContain("href=\"/my/record\"", "href=\"/admin/");
        assertThat(patientsPage).contains("href=\"/my/record\"", "href=\"/my/access-log\"").doesNotContain("href=\"/staff/", "href=\"/admin/");
        assertThat(adminsPage).contains("href=\"/admin/notices\"", "href=\"/staff/activation-codes\"").doesNotContain("href=\"/staff/patients\"");
    }

    /** Successful views of the patient's record by this person, by what they opened. */
    private Map<String, Long> viewsBy(String actor, UUID patient) {
        audit.awaitChained();
        return jdbc.query("select object_type, count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'SUCCESS'"
                + " and actor_id = ? and patient_id = ? group by object_type", rows -> {
                    Map<String, Long> counts = new java.util.TreeMap<>();
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                    return counts;
                }, actor, patient);
    }

    private long denied(String actor, UUID patient, String reason) {
        audit.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'DENIED' and actor_id = ?"
                + " and patient_id = ? and reason = ?", Long.class, actor, patient, reason);
    }

    @Test
    void breakGlassOpensOnePatientOutsideTheCareTeamForAnHourAndThePatientSeesWhyInTheirAccessLog() {
        people.create("monroe.patient", "Monroe Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("monroe.patient", monroe);
        PortalClient doctor = signedIn("dr.unlinked");
        String record = "/staff/patients/" + monroe + "/record";
        assertThat(doctor.get(record).statusCode()).as("not in any care team").isEqualTo(404);

        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        HttpResponse<String> opened = doctor.submit("/staff/break-glass?patient=" + monroe, "/staff/break-glass", "patient=" + monroe
                + "&reason=PATIENT_CANNOT_CONSENT&details=Brought+in+unconscious&code=" + TestAccounts.currentCode(TestAccounts.secretOf("dr.unlinked")));
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(record));

        assertThat(doctor.get(record).statusCode()).isEqualTo(200);
        assertThat(doctor.get("/staff/patients/" + cedric + "/record").statusCode()).as("that patient only").isEqualTo(404);
        PortalClient nurse = signedIn("nurse.cedric");
        assertThat(nurse.get(record).statusCode()).as("the grant is the doctor's alone").isEqualTo(404);
        PortalClient patient = signedIn("monroe.patient");
        assertThat(patient.get("/my/access-log").body()).contains("Dr. Unlinked", "Patient unable to consent: Brought in unconscious");

        TestClock.INSTANCE.advance(Duration.ofMinutes(61));
        assertThat(doctor.get(record).statusCode()).as("an hour later").isEqualTo(404);
    }
}
