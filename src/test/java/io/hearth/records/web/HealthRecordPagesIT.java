package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The patient's record pages over HTTPS, on three imported Synthea patients. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthRecordPagesIT {

    static final String PASSWORD = "juniper-orchard-beacon-73";

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAudit audit;

    UUID cedric;
    UUID monroe;

    @BeforeAll
    void importAndLink() {
        var patients = SyntheaBundles.importPatients(fhirImport, "Cedric746", "Monroe732");
        cedric = patients.get("Cedric746");
        monroe = patients.get("Monroe732");
        people.create("cedric.patient", "Cedric Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("cedric.patient", cedric);
        people.create("monroe.patient", "Monroe Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("monroe.patient", monroe);
        people.create("dr.records", "Dr. Records", PASSWORD, Role.PROVIDER);
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    @Test
    void theSummaryShowsTheRecordAndIsNotCachedAndAudited() {
        long views = views(cedric, "health-summary");

        HttpResponse<String> page = signedIn("cedric.patient").get("/my/record");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(page.body()).contains("Cedric746", "Active problems", "Allergies", "Current medications", "Recent vital signs",
                "Immunizations", "Your care team", "Dr. ", "Recent visits", "/css/records.css");
        assertThat(views(cedric, "health-summary")).isEqualTo(views + 1);
    }

    @Test
    void labResultsAreGroupedByReportWithOrderingProviderRangeSourceAndFlags() {
        HttpResponse<String> page = signedIn("cedric.patient").get("/my/results");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Ordered by Dr. ", "MedlinePlus", "/my/reports/", "/my/results/");
        assertThat(body).containsPattern("flag--(high|low)");
        assertThat(count(body, "href=\"/my/results/")).as("50 rows on a page").isEqualTo(50);
        assertThat(body).contains("/my/results?page=1");
        assertThat(views(cedric, "lab-results")).isPositive();
    }

    @Test
    void aResultShowsItsTrendAsAnAccessibleChartWithATableAndSummary() {
        UUID glucose = jdbc.queryForObject("""
                select id from record_entry where patient_id = ? and kind = 'OBSERVATION' and category = 'laboratory' and code_key in
                  (select code_key from record_entry where patient_id = ? and kind = 'OBSERVATION' and category = 'laboratory'
                   group by code_key order by count(*) desc limit 1)
                order by effective_at desc limit 1""", UUID.class, cedric, cedric);

        HttpResponse<String> page = signedIn("cedric.patient").get("/my/results/" + glucose);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "role=\"img\"", "aria-labelledby=\"trend-title trend-desc\"", "<title id=\"trend-title\">Trend of ",
                "<desc id=\"trend-desc\">", "<polyline", "All results of this test").containsPattern("\\d+ results from ");
        assertThat(page.body()).doesNotContain("style=");
    }

    @Test
    void visitsShowReasonProviderLocationAndTheNote() {
        PortalClient client = signedIn("cedric.patient");
        String body = client.get("/my/visits").body();

        assertThat(body).contains("Dr. ", "Read the note");
        String note = body.replaceAll("(?s).*?href=\"(/my/notes/[0-9a-f-]{36})\".*", "$1");
        HttpResponse<String> notePage = client.get(note);
        assertThat(notePage.statusCode()).isEqualTo(200);
        assertThat(notePage.body()).contains("note-text", "# Chief Complaint");
    }

    @Test
    void aPatientCannotOpenAnotherPatientsResultReportVisitOrNoteById() {
        PortalClient monroeClient = signedIn("monroe.patient");
        for (String[] target : List.of(new String[] { "OBSERVATION", "/my/results/", "lab-result" },
                new String[] { "DIAGNOSTIC_REPORT", "/my/reports/", "lab-report" }, new String[] { "ENCOUNTER", "/my/visits/", "visit" },
                new String[] { "DOCUMENT", "/my/notes/", "visit-note" })) {
            UUID cedricsRecord = jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = ? limit 1", UUID.class,
                    cedric, target[0]);

            HttpResponse<String> answer = monroeClient.get(target[1] + cedricsRecord);

            assertThat(answer.statusCode()).as(target[1]).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Cedric");
            audit.awaitChained();
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'DENIED' and actor_id = 'monroe.patient'"
                    + " and object_type = ? and object_id = ?", Long.class, target[2], cedricsRecord.toString())).as(target[2]).isEqualTo(1);
        }
        assertThat(monroeClient.get("/my/results/" + UUID.randomUUID()).statusCode()).as("a guessed id").isEqualTo(404);
        assertThat(monroeClient.get("/my/results/not-a-uuid").statusCode()).isIn(400, 404);
    }

    @Test
    void aResultIsNotShownBeforeItsReleaseTime() {
        PortalClient client = signedIn("cedric.patient");
        UUID newest = jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = 'OBSERVATION'"
                + " and category = 'laboratory' order by effective_at desc limit 1", UUID.class, cedric);
        java.time.Instant issued = jdbc.queryForObject("select effective_at from record_entry where id = ?", java.sql.Timestamp.class, newest)
                .toInstant();
        java.time.Duration back = java.time.Duration.between(issued, io.hearth.test.TestClock.INSTANCE.instant()).plusHours(1);
        assertThat(client.get("/my/results/" + newest).statusCode()).isEqualTo(200);
        io.hearth.test.TestClock.INSTANCE.advance(back.negated()); // an hour before the result was issued
        try {
            assertThat(client.get("/my/results/" + newest).statusCode()).isEqualTo(404);
            assertThat(client.get("/my/results").body()).doesNotContain(newest.toString());
        } finally {
            io.hearth.test.TestClock.INSTANCE.advance(back);
        }
    }

    @Test
    void staffCannotOpenThePatientRecordPages() {
        PortalClient doctor = signedIn("dr.records");

        for (String path : List.of("/my/record", "/my/results", "/my/visits")) {
            assertThat(doctor.get(path).statusCode()).as(path).isEqualTo(403);
        }
    }

    private long views(UUID patient, String objectType) {
        audit.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'SUCCESS' and patient_id = ?"
                + " and object_type = ?", Long.class, patient, objectType);
    }

    private static int count(String text, String token) {
        return text.split(java.util.regex.Pattern.quote(token), -1).length - 1;
    }
}
