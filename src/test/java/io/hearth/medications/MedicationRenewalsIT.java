package io.hearth.medications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.HealthRecords;
import io.hearth.records.MedicationLists;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prescription renewals through the real stack (HTTPS, PostgreSQL, GreenMail): Ada (provider dr.one, who prescribed
 * her medications) and Ben (provider dr.two, not agreed to email). Each test works on its own medication of Ada's,
 * since a medication has at most one pending request.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedicationRenewalsIT {

    static final String PASSWORD = "copper-meadow-violin-58";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final Pattern REQUEST_LINK = Pattern.compile("/staff/renewals/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    HealthRecords records;

    @Autowired
    MedicationLists medications;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;


    UUID ada;
    UUID ben;

    record Med(String title, String code, String status) {
    }

    @BeforeAll
    void patientsAndStaff() {
        ada = importPatient("ada", "Ada", "Quill", "111", List.of(new Med("Simvastatin 10 MG Oral Tablet", "314231", "active"),
                new Med("Lisinopril 10 MG Oral Tablet", "314076", "active"), new Med("Metformin hydrochloride 500 MG Oral Tablet", "860975", "active"),
                new Med("Amlodipine 5 MG Oral Tablet", "197361", "active"), new Med("Atorvastatin 20 MG Oral Tablet", "617310", "active"),
                new Med("Levothyroxine Sodium 0.05 MG Oral Tablet", "966222", "active"),
                new Med("Oxycodone Hydrochloride 5 MG Oral Tablet", "1049621", "active"),
                new Med("Naproxen sodium 220 MG Oral Tablet", "849574", "stopped"),
                new Med("Omeprazole 20 MG Delayed Release Oral Capsule", "198053", "active"),
                new Med("Pantoprazole 40 MG Delayed Release Oral Tablet", "261257", "active"),
                new Med("Sertraline 50 MG Oral Tablet", "312941", "active")));
        ben = importPatient("ben", "Ben", "Rook", "222", List.of(new Med("Metoprolol succinate 25 MG Extended Release Oral Tablet", "866427", "active")));
        people.create("ada.patient", "Ada Quill", PASSWORD, Role.PATIENT);
        accounts.linkPatient("ada.patient", ada);
        people.giveConfirmedEmail("ada.patient", "ada@mail.test");
        people.agreeToEmail("ada.patient");
        people.create("ben.patient", "Ben Rook", PASSWORD, Role.PATIENT);
        accounts.linkPatient("ben.patient", ben);
        people.giveConfirmedEmail("ben.patient", "ben@mail.test"); // and never agrees to email notices
        staff("dr.one", "Dr. Una One", "111", Role.PROVIDER);
        staff("dr.two", "Dr. Tom Two", "222", Role.PROVIDER);
        staff("nurse.one", "Nina Nurse", "111", Role.NURSE);
    }

    // ---- the patient asks --------------------------------------------------------------------------------------

    @Test
    void aPatientAsksToRenewAndSeesHerRequestWaiting() {
        PortalClient patient = signedIn("ada.patient");
        UUID simvastatin = medication(ada, "Simvastatin");
        String list = patient.get("/my/medications").body();
        assertThat(list).contains("Simvastatin 10 MG Oral Tablet", "Dr. Pat Doctor111", "Take one tablet daily",
                "href=\"/my/medications/" + simvastatin + "#renewal\"");

        HttpResponse<String> sent = ask(patient, simvastatin, "Harbor Pharmacy, 12 Quay Street", "Running out on Friday");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/my/medications/" + simvastatin + "?sent=new#renewal");

        String page = patient.get("/my/medications/" + simvastatin + "?sent=new").body();
        assertThat(page).contains("Your renewal request was sent", "Your request is waiting for the practice", "Harbor Pharmacy, 12 Quay Street",
                "Running out on Friday").doesNotContain("id=\"renewal-form\"");
        assertThat(patient.get("/my/medications").body()).contains("Renewal requested on");

        // stored encrypted, its creation and its reads audited with Ada as the subject
        UUID request = pendingRequest(simvastatin);
        byte[] pharmacy = jdbc.queryForObject("select pharmacy_ciphertext from renewal_request where id = ?", byte[].class, request);
        byte[] note = jdbc.queryForObject("select note_ciphertext from renewal_request where id = ?", byte[].class, request);
        assertThat(new String(pharmacy, StandardCharsets.ISO_8859_1)).doesNotContain("Harbor");
        assertThat(new String(note, StandardCharsets.ISO_8859_1)).doesNotContain("Friday");
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_CHANGE' and outcome = 'SUCCESS' "
                + "and object_type = 'renewal-request' and object_id = ? and patient_id = ? and actor_id = 'ada.patient'", Long.class,
                request.toString(), ada)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and object_type = 'medication-list' "
                + "and patient_id = ?", Long.class, ada)).isPositive();
    }

    @Test
    void aSecondSubmitShowsTheWaitingRequestInsteadOfMakingAnother() {
        PortalClient patient = signedIn("ada.patient");
        UUID lisinopril = medication(ada, "Lisinopril");
        String form = patient.get("/my/medications/" + lisinopril).body();
        String token = PortalClient.csrfToken(form);

        HttpResponse<String> first = patient.postForm("/my/medications/" + lisinopril + "/renewals", fields("Corner Pharmacy", null, token));
        HttpResponse<String> second = patient.postForm("/my/medications/" + lisinopril + "/renewals", fields("Another Pharmacy", null, token));

        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("?sent=new");
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("?sent=pending");
        assertThat(requestsFor(lisinopril)).isEqualTo(1);
        assertThat(patient.get("/my/medications/" + lisinopril + "?sent=pending").body())
                .contains("You already asked to renew this medication", "Corner Pharmacy").doesNotContain("Another Pharmacy");
    }

    @Test
    void tenSimultaneousSubmitsMakeExactlyOneRequest() throws Exception {
        UUID metformin = medication(ada, "Metformin");
        // ten sessions (ten browser tabs signed in), so nothing on the way serialises the submits
        List<PortalClient> tabs = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PortalClient tab = signedIn("ada.patient");
            tabs.add(tab);
            tokens.add(PortalClient.csrfToken(tab.get("/my/medications/" + metformin).body()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                PortalClient tab = tabs.get(i);
                String form = fields("Pharmacy " + i, null, tokens.get(i));
                answers.add(pool.submit(() -> {
                    start.await();
                    return tab.postForm("/my/medications/" + metformin + "/renewals", form);
                }));
            }
            start.countDown();
            List<String> locations = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(302);
                locations.add(response.headers().firstValue("Location").orElseThrow());
            }
            assertThat(locations.stream().filter(location -> location.contains("?sent=new")).count()).isEqualTo(1);
            assertThat(locations.stream().filter(location -> location.contains("?sent=pending")).count()).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(requestsFor(metformin)).isEqualTo(1);
    }

    @Test
    void theDatabaseKeepsOnePendingRequestPerMedicationWhateverTheCode() {
        UUID medication = UUID.randomUUID();
        UUID nobody = UUID.randomUUID(); // no page reads these rows: their ciphertext is made up
        String insert = "insert into renewal_request (id, patient_id, medication_id, status, pharmacy_ciphertext, requested_by, requested_at, version) "
                + "values (?, ?, ?, ?, ?, 'test', current_timestamp, 0)";
        jdbc.update(insert, UUID.randomUUID(), nobody, medication, "APPROVED", new byte[] { 1 });
        jdbc.update(insert, UUID.randomUUID(), nobody, medication, "DENIED", new byte[] { 1 });
        jdbc.update(insert, UUID.randomUUID(), nobody, medication, "PENDING", new byte[] { 1 });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert, UUID.randomUUID(), nobody, medication, "PENDING", new byte[] { 1 }))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(requestsFor(medication)).isEqualTo(3);
    }

    @Test
    void controlledAndStoppedMedicationsCannotBeRenewedOnline() {
        PortalClient patient = signedIn("ada.patient");
        UUID oxycodone = medication(ada, "Oxycodone");
        UUID naproxen = medication(ada, "Naproxen");

        String list = patient.get("/my/medications").body();
        Matcher row = Pattern.compile("<tr id=\"medication-" + oxycodone + "\">(.*?)</tr>", Pattern.DOTALL).matcher(list);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("cannot be renewed online. Please call the practice").doesNotContain("Request renewal");
        assertThat(patient.get("/my/medications/" + oxycodone).body()).contains("Please call the practice").doesNotContain("id=\"renewal-form\"");

        HttpResponse<String> controlled = ask(patient, oxycodone, "Harbor Pharmacy", null);
        assertThat(controlled.statusCode()).isEqualTo(409);
        assertThat(controlled.body()).contains("role=\"alert\"", "cannot be renewed online. Please call the practice");
        HttpResponse<String> stopped = ask(patient, naproxen, "Harbor Pharmacy", null);
        assertThat(stopped.statusCode()).isEqualTo(409);
        assertThat(stopped.body()).contains("Only active medications can be renewed");
        assertThat(requestsFor(oxycodone) + requestsFor(naproxen)).isZero();
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_CHANGE' and outcome = 'FAILURE' "
                + "and object_type = 'medication' and object_id = ? and patient_id = ? and reason = 'renewals.refused.callPractice'", Long.class,
                oxycodone.toString(), ada)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithTheReasonAndTheFormKeptAndNothingStored() {
        PortalClient patient = signedIn("ada.patient");
        UUID levothyroxine = medication(ada, "Levothyroxine");

        HttpResponse<String> noPharmacy = ask(patient, levothyroxine, "   ", "Kept & <typed>");
        assertThat(noPharmacy.statusCode()).isEqualTo(400);
        assertThat(noPharmacy.body()).contains("Please tell us the pharmacy", "Kept &amp; &lt;typed&gt;</textarea>", "id=\"renewal-form\"");

        HttpResponse<String> longNote = ask(patient, levothyroxine, "Harbor Pharmacy", "x".repeat(2000));
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.body()).contains("The note is too long", "value=\"Harbor Pharmacy\"", "Up to 1,000 characters.", "maxlength=\"1000\"");

        HttpResponse<String> longPharmacy = ask(patient, levothyroxine, "p".repeat(201), null);
        assertThat(longPharmacy.statusCode()).isEqualTo(400);
        assertThat(requestsFor(levothyroxine)).isZero();
    }

    // ---- the practice decides -----------------------------------------------------------------------------------

    @Test
    void theProviderApprovesWithChangesOnceAndThePatientSeesItAndIsToldWithoutDetails() throws Exception {
        PortalClient patient = signedIn("ada.patient");
        UUID amlodipine = medication(ada, "Amlodipine");
        ask(patient, amlodipine, "Lighthouse Pharmacy", "Need it before my trip");
        UUID request = pendingRequest(amlodipine);
        int mailsBefore = renewalMailTo("ada@mail.test").size();

        PortalClient provider = signedIn("dr.one");
        String queue = provider.get("/staff/renewals").body();
        assertThat(queue).contains("Ada Quill", "Amlodipine 5 MG Oral Tablet", "your prescription", "/staff/renewals/" + request);
        String page = provider.get("/staff/renewals/" + request).body();
        assertThat(page).contains("Ada Quill", "Amlodipine 5 MG Oral Tablet", "Lighthouse Pharmacy", "Need it before my trip", "id=\"approve-form\"");

        HttpResponse<String> refused = provider.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/approve", "quantity=30&refills=two");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Refills must be a whole number", "value=\"two\"", "value=\"30\"");
        assertThat(status(request)).isEqualTo("PENDING");

        HttpResponse<String> approved = provider.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/approve", "quantity=30&refills=2");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("APPROVED");
        assertThat(provider.get("/staff/renewals").body()).doesNotContain("/staff/renewals/" + request);

        // decided once: a second approval or a denial now is refused and changes nothing
        HttpResponse<String> again = provider.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/approve", "quantity=90");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("This request was already decided");
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where outcome = 'FAILURE' and object_type = 'renewal-request' "
                + "and object_id = ? and reason = 'renewals.error.decided'", Long.class, request.toString())).isEqualTo(1);
        HttpResponse<String> deny = signedIn("nurse.one").submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/deny", "reason=No");
        assertThat(deny.statusCode()).isEqualTo(409);
        assertThat(status(request)).isEqualTo("APPROVED");

        String herPage = patient.get("/my/medications/" + amlodipine).body();
        assertThat(herPage).contains("Approved", "Renewed on", "<dd class=\"renewal-quantity\">30</dd>", "<dd class=\"renewal-refills\">2</dd>");
        assertThat(patient.get("/my/medications").body()).contains("Renewed on");

        List<MimeMessage> mails = renewalMailTo("ada@mail.test");
        assertThat(mails).hasSize(mailsBefore + 1);
        MimeMessage mail = mails.get(mails.size() - 1);
        String text = mail.getSubject() + TestMail.decoded(GreenMailUtil.getBody(mail));
        assertThat(text).contains("There is an update to your renewal request", "https://portal.test/my/medications/" + amlodipine)
                .doesNotContain("Amlodipine", "Lighthouse", "trip", "pprove", "Quill");
        assertThat(mail.getAllRecipients()).hasSize(1);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_CHANGE' and object_type = 'renewal-request' "
                + "and object_id = ? and patient_id = ? and actor_id = 'dr.one' and reason = 'approved'", Long.class, request.toString(), ada))
                .isEqualTo(1);
    }

    @Test
    void twoCliniciansDecidingAtOnceMakeOneDecisionAndTheOtherIsToldAndAudited() throws Exception {
        UUID sertraline = medication(ada, "Sertraline");
        ask(signedIn("ada.patient"), sertraline, "Harbour Pharmacy", "");
        UUID request = pendingRequest(sertraline);
        String page = "/staff/renewals/" + request;
        PortalClient provider = signedIn("dr.one");
        PortalClient nurse = signedIn("nurse.one");
        String providerToken = PortalClient.csrfToken(provider.get(page).body());
        String nurseToken = PortalClient.csrfToken(nurse.get(page).body());

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> approve = both.submit(() -> {
                go.await();
                return provider.postForm(page + "/approve", "quantity=30&refills=1&_csrf=" + providerToken);
            });
            Future<HttpResponse<String>> deny = both.submit(() -> {
                go.await();
                return nurse.postForm(page + "/deny", "reason=Please+book+a+visit&_csrf=" + nurseToken);
            });
            go.countDown();
            List<Integer> answers = List.of(approve.get().statusCode(), deny.get().statusCode());
            assertThat(answers).containsExactlyInAnyOrder(302, 409);
        } finally {
            both.shutdownNow();
        }
        assertThat(status(request)).isIn("APPROVED", "DENIED");
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where outcome = 'FAILURE' and object_type = 'renewal-request' "
                + "and object_id = ? and reason = 'renewals.error.decided'", Long.class, request.toString()))
                .as("the refused second decision is in the trail").isEqualTo(1);
    }

    @Test
    void aPatientWithdrawsAWaitingRequestWhichLeavesTheQueueAndMayAskAgain() {
        PortalClient patient = signedIn("ada.patient");
        UUID pantoprazole = medication(ada, "Pantoprazole");
        ask(patient, pantoprazole, "Harbor Pharmacy", null);
        UUID request = pendingRequest(pantoprazole);
        String page = "/my/medications/" + pantoprazole;

        assertThat(patient.submit(page, page + "/renewals/withdraw", "").statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("WITHDRAWN");
        assertThat(patient.get(page).body()).contains("Withdrawn by you", "id=\"renewal-form\"");
        assertThat(signedIn("dr.one").get("/staff/renewals").body()).doesNotContain(request.toString());
        HttpResponse<String> again = patient.submit(page, page + "/renewals/withdraw", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("no waiting request for this medication");
        assertThat(signedIn("ben.patient").submit("/my/medications", page + "/renewals/withdraw", "").statusCode()).as("not his").isEqualTo(404);

        ask(patient, pantoprazole, "Harbor Pharmacy", null);
        assertThat(pendingRequest(pantoprazole)).isNotEqualTo(request);
    }

    @Test
    void aMedicationStoppedInTheRecordAfterTheRequestCannotBeApprovedOnlyDenied() {
        PortalClient patient = signedIn("ada.patient");
        UUID omeprazole = medication(ada, "Omeprazole");
        ask(patient, omeprazole, "Harbor Pharmacy", null);
        UUID request = pendingRequest(omeprazole);
        jdbc.update("update record_entry set status = 'stopped' where id = ?", omeprazole); // the EHR stopped it meanwhile

        PortalClient doctor = signedIn("dr.one");
        HttpResponse<String> approve = doctor.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/approve", "quantity=&refills=");
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.body()).contains("no longer active in the patient");
        assertThat(status(request)).isEqualTo("PENDING");
        assertThat(doctor.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/deny",
                "reason=" + encode("It was stopped at your last visit.")).statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("DENIED");
    }

    @Test
    void aNurseOfTheCareTeamDeniesWithAReasonThePatientReads() {
        PortalClient patient = signedIn("ada.patient");
        UUID atorvastatin = medication(ada, "Atorvastatin");
        ask(patient, atorvastatin, "Harbor Pharmacy", null);
        UUID request = pendingRequest(atorvastatin);
        int mailsBefore = renewalMailTo("ada@mail.test").size();

        PortalClient nurse = signedIn("nurse.one");
        HttpResponse<String> noReason = nurse.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/deny", "reason=%20%20");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Please give the reason");
        assertThat(status(request)).isEqualTo("PENDING");

        HttpResponse<String> denied = nurse.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/deny",
                "reason=" + encode("Please book a visit: we need a blood test first."));
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("DENIED");
        byte[] reason = jdbc.queryForObject("select reason_ciphertext from renewal_request where id = ?", byte[].class, request);
        assertThat(new String(reason, StandardCharsets.ISO_8859_1)).doesNotContain("blood");

        String herPage = patient.get("/my/medications/" + atorvastatin).body();
        assertThat(herPage).contains("Not approved", "Please book a visit: we need a blood test first.", "id=\"renewal-form\"");
        assertThat(renewalMailTo("ada@mail.test")).hasSize(mailsBefore + 1);
    }

    @Test
    void aPatientWhoDidNotAgreeToEmailGetsNoNotice() {
        UUID metoprolol = medication(ben, "Metoprolol");
        ask(signedIn("ben.patient"), metoprolol, "Harbor Pharmacy", null);
        UUID request = pendingRequest(metoprolol);
        long notices = renewalNotices();

        HttpResponse<String> approved = signedIn("dr.two").submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/approve", "");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("APPROVED");
        assertThat(renewalNotices()).isEqualTo(notices);
        assertThat(renewalMailTo("ben@mail.test")).isEmpty();
    }

    // ---- nobody else ---------------------------------------------------------------------------------------------

    @Test
    void anotherPatientsMedicationIsNotFoundAndTheAttemptIsAudited() {
        PortalClient other = signedIn("ben.patient");
        UUID adas = medication(ada, "Levothyroxine");
        long denied = denials("medication");

        assertThat(other.get("/my/medications/" + adas).statusCode()).isEqualTo(404);
        assertThat(ask(other, adas, "Harbor Pharmacy", null).statusCode()).isEqualTo(404);
        assertThat(other.get("/my/medications/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(other.get("/my/medications").body()).doesNotContain("Levothyroxine");
        assertThat(requestsFor(adas)).isZero();
        assertThat(denials("medication")).isEqualTo(denied + 3);
    }

    @Test
    void staffOutsideTheCareTeamAndPatientsCannotSeeOrDecideARequest() {
        UUID simvastatin = medication(ada, "Simvastatin");
        if (requestsFor(simvastatin) == 0) {
            ask(signedIn("ada.patient"), simvastatin, "Harbor Pharmacy", null);
        }
        UUID request = jdbc.queryForObject("select id from renewal_request where medication_id = ? order by requested_at limit 1", UUID.class,
                simvastatin);
        String before = status(request);
        long denied = denials("renewal-request");

        PortalClient outsider = signedIn("dr.two");
        assertThat(outsider.get("/staff/renewals").body()).doesNotContain(request.toString(), "Ada Quill");
        assertThat(outsider.get("/staff/renewals/" + request).statusCode()).isEqualTo(404);
        assertThat(outsider.submit("/staff/renewals", "/staff/renewals/" + request + "/approve", "").statusCode()).isEqualTo(404);
        assertThat(outsider.submit("/staff/renewals", "/staff/renewals/" + request + "/deny", "reason=No").statusCode()).isEqualTo(404);
        assertThat(status(request)).isEqualTo(before);
        assertThat(denials("renewal-request")).isEqualTo(denied + 3);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where outcome = 'DENIED' and object_type = 'renewal-request' "
                + "and object_id = ? and patient_id = ? and actor_id = 'dr.two'", Long.class, request.toString(), ada)).isEqualTo(3);

        PortalClient patient = signedIn("ben.patient");
        assertThat(patient.get("/staff/renewals/" + request).statusCode()).isEqualTo(403);
        assertThat(patient.submit("/my/medications", "/staff/renewals/" + request + "/approve", "").statusCode()).isEqualTo(403);
        assertThat(status(request)).isEqualTo(before);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    HttpResponse<String> ask(PortalClient patient, UUID medication, String pharmacy, String note) {
        String page = "/my/medications/" + medication;
        String token = PortalClient.csrfToken(patient.get("/my/medications").body());
        return patient.postForm(page + "/renewals", fields(pharmacy, note, token));
    }

    static String fields(String pharmacy, String note, String csrf) {
        return "pharmacy=" + encode(pharmacy) + (note == null ? "" : "&note=" + encode(note)) + "&_csrf=" + csrf;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    UUID medication(UUID patient, String titleStart) {
        return medications.of(patient).stream().filter(medication -> medication.title().startsWith(titleStart)).findFirst().orElseThrow().id();
    }

    UUID pendingRequest(UUID medication) {
        return jdbc.queryForObject("select id from renewal_request where medication_id = ? and status = 'PENDING'", UUID.class, medication);
    }

    long requestsFor(UUID medication) {
        return jdbc.queryForObject("select count(*) from renewal_request where medication_id = ?", Long.class, medication);
    }

    String status(UUID request) {
        return jdbc.queryForObject("select status from renewal_request where id = ?", String.class, request);
    }

    long denials(String objectType) {
        audit.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where outcome = 'DENIED' and object_type = ?", Long.class, objectType);
    }

    long renewalNotices() {
        return jdbc.queryForObject("select count(*) from notice where type = 'RENEWAL_DECIDED'", Long.class);
    }

    List<MimeMessage> renewalMailTo(String address) {
        return TestMail.noticesTo(jdbc, address, "renewal request");
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    void staff(String username, String name, String npi, Role role) {
        people.create(username, name, PASSWORD, role);
        people.giveConfirmedEmail(username, username + "@practice.test");
        accounts.linkPractitioner(username, records.practitionerByIdentifier(TestBundles.NPI + "|" + npi).orElseThrow());
    }

    /** A patient with a visit with the practitioner, who prescribed each of these medications. */
    UUID importPatient(String key, String given, String family, String npi, List<Med> meds) {
        String patient = UUID.randomUUID().toString();
        List<String> requests = meds.stream().map(med -> """
                {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"MedicationRequest","status":"%s","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"%s","code":"%s","display":"%s"}],"text":"%s"},
                 "subject":{"reference":"urn:uuid:%s"},"authoredOn":"2025-05-01T10:00:00Z",
                 "requester":{"reference":"Practitioner?identifier=%s|%s"},
                 "dosageInstruction":[{"text":"Take one tablet daily"}]}}"""
                .formatted(UUID.randomUUID(), med.status(), RXNORM, med.code(), med.title(), med.title(), patient, TestBundles.NPI, npi))
                .toList();
        String bundle = TestBundles.patient(patient, key, given, family, List.of(npi), requests);
        return fhirImport.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "test").patients().iterator().next();
    }
}
