package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.Booking;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.appointments.internal.Schedules;
import io.hearth.appointments.internal.WaitList;
import io.hearth.audit.AuditAction;
import io.hearth.audit.PatientAccessLog;
import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.messaging.MessageForm;
import io.hearth.records.MedicationLists;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestBundles;
import io.hearth.test.TestRecords;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page that shows PHI audits the view (Hearth issue 17, part 5). The table below classifies every GET endpoint
 * the application maps, found in Spring's handler mappings as {@code EndpointAccessIT} finds them: a new endpoint
 * fails the first test until it is listed. An endpoint showing PHI names the caller who may see it and the request
 * that shows it; every such request concerns Ada, whose record, message thread with an attachment, renewal request,
 * appointments and wait-list offer are made once, and must leave a new SUCCESS entry with her as the patient. Views
 * by staff must also reach her "Who opened my record". The last test does the same for the changes the issue names:
 * bookings, a cancellation, a renewal request and messages.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhiViewAuditIT {

    static final String PASSWORD = "quarry-lilac-harbor-61";
    static final String ADA = "ada.patient";
    static final String DR_ONE = "dr.one";
    static final String DESK = "desk.one";
    static final String BILLING = "billing.one";
    static final String NPI = "111";

    /** What a GET endpoint shows, and so what a successful request to it must leave in the audit trail. */
    sealed interface Shows permits NoPhi, AdasPhi, PatientList {
    }

    /** Nothing of any patient's health information, for this reason. */
    record NoPhi(String why) implements Shows {
    }

    /**
     * Ada's PHI, shown to {@code caller} at each of the {@code requests} ({@code {name}} placeholders are filled from
     * her data); each must leave an entry of this action with her as the patient.
     */
    record AdasPhi(String caller, AuditAction action, List<String> requests) implements Shows {
    }

    /**
     * Names and birth dates of several patients: audited once without a patient, as {@code objectType} (as the
     * README says of the clinician's list, "opening the list is audited once").
     */
    record PatientList(String caller, String request, String objectType) implements Shows {
    }

    static final Map<String, Shows> GET_ENDPOINTS = new LinkedHashMap<>();

    static {
        noPhi("signing in, signing up and their steps", "GET /signin", "GET /signin/forgot", "GET /signin/reset", "GET /signin/second-factor",
                "GET /signin/enrol", "GET /signup", "GET /signup/confirm");
        noPhi("the error page carries a request id, never data", "GET /error");
        noPhi("the signed-in person's own sign-in settings", "GET /account/security", "GET /account/sessions", "GET /account/password",
                "GET /account/email");
        noPhi("the patient's choice about email notices", "GET /my/preferences");
        noPhi("the form: the practice's pools to write to, nothing of the patient's messages", "GET /my/messages/new");
        noPhi("administration: accounts, staff, settings, notice delivery state and announcements, never a record", "GET /admin/notices",
                "GET /admin/staff/invite", "GET /admin/settings", "GET /admin/accounts", "GET /admin/accounts/dormant", "GET /admin/accounts/{id}",
                "GET /admin/accounts/{id}/practitioner", "GET /admin/announcements");
        noPhi("the form for an activation code: a record id is typed, nothing is shown", "GET /staff/activation-codes");
        noPhi("the break-glass form: only the patient id the clinician followed, then the record's own audited pages", "GET /staff/break-glass");
        noPhi("the security officer's pages: audit entries, grants and alerts name patients by id only (searches audited as AUDIT_SEARCHED)",
                "GET /audit", "GET /audit/export.csv", "GET /security/break-glass", "GET /security/alerts");
        noPhi("the practice's set-up: locations, types, hours and time off (a count of booked appointments, no patient)",
                "GET /staff/scheduling", "GET /staff/scheduling/providers/{practitioner}");

        phi("GET /", ADA, "/"); // her next appointment
        phi("GET /my/record", ADA, "/my/record");
        phi("GET /my/results", ADA, "/my/results");
        phi("GET /my/results/{id}", ADA, "/my/results/{result}");
        phi("GET /my/reports/{id}", ADA, "/my/reports/{report}");
        phi("GET /my/visits", ADA, "/my/visits");
        phi("GET /my/visits/{id}", ADA, "/my/visits/{visit}");
        phi("GET /my/notes/{id}", ADA, "/my/notes/{note}");
        phi("GET /my/access-log", ADA, "/my/access-log");
        phi("GET /my/messages", ADA, "/my/messages");
        phi("GET /my/messages/{id}", ADA, "/my/messages/{thread}");
        phi("GET /my/messages/attachments/{id}", ADA, "/my/messages/attachments/{attachment}");
        phi("GET /my/medications", ADA, "/my/medications");
        phi("GET /my/medications/{id}", ADA, "/my/medications/{medication}");
        phi("GET /my/appointments", ADA, "/my/appointments");
        phi("GET /my/appointments/book", ADA, "/my/appointments/book?reschedule={appointment}");
        phi("GET /my/appointments/{id}", ADA, "/my/appointments/{appointment}");
        GET_ENDPOINTS.put("GET /my/appointments/{id}/calendar.ics", new AdasPhi(ADA, AuditAction.PHI_EXPORT,
                List.of("/my/appointments/{appointment}/calendar.ics")));
        phi("GET /my/appointments/offers/{id}", ADA, "/my/appointments/offers/{offer}");

        GET_ENDPOINTS.put("GET /staff/patients", new PatientList(DR_ONE, "/staff/patients", "care-team-patients"));
        phi("GET /staff/patients/{patient}/record", DR_ONE, "/staff/patients/{ada}/record");
        phi("GET /staff/patients/{patient}/results", DR_ONE, "/staff/patients/{ada}/results");
        phi("GET /staff/patients/{patient}/results/{id}", DR_ONE, "/staff/patients/{ada}/results/{result}");
        phi("GET /staff/patients/{patient}/reports/{id}", DR_ONE, "/staff/patients/{ada}/reports/{report}");
        phi("GET /staff/patients/{patient}/visits", DR_ONE, "/staff/patients/{ada}/visits");
        phi("GET /staff/patients/{patient}/visits/{id}", DR_ONE, "/staff/patients/{ada}/visits/{visit}");
        phi("GET /staff/patients/{patient}/notes/{id}", DR_ONE, "/staff/patients/{ada}/notes/{note}");
        phi("GET /staff/patients/{patient}/demographics", DESK, "/staff/patients/{ada}/demographics");
        phi("GET /staff/patients/{patient}/claims", BILLING, "/staff/patients/{ada}/claims");
        // her name is in the inbox's patient filter also when the filter lists none of her threads
        phi("GET /staff/messages", DR_ONE, "/staff/messages", "/staff/messages?status=CLOSED");
        phi("GET /staff/messages/{id}", DR_ONE, "/staff/messages/{thread}");
        phi("GET /staff/messages/attachments/{id}", DR_ONE, "/staff/messages/attachments/{attachment}");
        phi("GET /staff/renewals", DR_ONE, "/staff/renewals");
        phi("GET /staff/renewals/{id}", DR_ONE, "/staff/renewals/{renewal}");
        phi("GET /staff/schedule", DR_ONE, "/staff/schedule?provider={drOne}&day={day}");
        phi("GET /staff/appointments/requests", DESK, "/staff/appointments/requests");
        phi("GET /staff/appointments/book", DESK, "/staff/appointments/book?patient={ada}");
        phi("GET /staff/appointments/{id}", DESK, "/staff/appointments/{appointment}");
    }

    private static void noPhi(String why, String... endpoints) {
        for (String endpoint : endpoints) {
            GET_ENDPOINTS.put(endpoint, new NoPhi(why));
        }
    }

    private static void phi(String endpoint, String caller, String... requests) {
        GET_ENDPOINTS.put(endpoint, new AdasPhi(caller, AuditAction.PHI_VIEW, List.of(requests)));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestRecords testRecords;

    @Autowired
    MedicationLists medications;

    @Autowired
    AppointmentAccess appointmentAccess;

    @Autowired
    PracticeSetup practice;

    @Autowired
    Schedules schedules;

    @Autowired
    Bookings bookings;

    @Autowired
    WaitList waitList;

    @Autowired
    PatientAccessLog accessLog;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    UUID ada;
    UUID drOne;
    UUID followUp;
    UUID renewable;
    /** What the requests' placeholders stand for. */
    final Map<String, String> adas = new HashMap<>();
    final Map<String, PortalClient> clients = new HashMap<>();

    // ---- every GET endpoint is classified ---------------------------------------------------------------------

    @Test
    void everyGetEndpointTheApplicationMapsIsClassifiedAsShowingPhiOrNot() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                mapped.add("GET " + pattern);
            }
        }));
        mapped.removeIf(endpoint -> endpoint.contains("/test/"));

        Set<String> unclassified = new TreeSet<>(mapped);
        unclassified.removeAll(GET_ENDPOINTS.keySet());
        Set<String> gone = new TreeSet<>(GET_ENDPOINTS.keySet());
        gone.removeAll(mapped);
        assertThat(unclassified).as("GET endpoints not classified in PhiViewAuditIT.GET_ENDPOINTS (does it show PHI, and what does it audit?)")
                .isEmpty();
        assertThat(gone).as("classified endpoints that the application no longer maps").isEmpty();
    }

    // ---- every PHI page leaves its entry ------------------------------------------------------------------------

    @Test
    void everyPageThatShowsPhiLeavesASuccessEntryForItsPatientAndStaffViewsReachHerAccessLog() {
        List<String> problems = new ArrayList<>();
        GET_ENDPOINTS.forEach((endpoint, shows) -> {
            if (shows instanceof AdasPhi phi) {
                for (String request : phi.requests()) {
                    long before = lastSeq();
                    int linesBefore = accessLogLinesBy(phi.caller());
                    int status = download(phi.caller(), fill(request));
                    String asked = endpoint + " (" + request + " as " + phi.caller() + ")";
                    if (status != 200) {
                        problems.add(asked + ": status " + status);
                    } else if (entries(before, phi.caller(), phi.action().name(), ada) == 0) {
                        problems.add(asked + ": no " + phi.action() + " SUCCESS entry for the patient");
                    } else if (!phi.caller().equals(ADA) && accessLogLinesBy(phi.caller()) == linesBefore) {
                        problems.add(asked + ": not in the patient's access log");
                    }
                }
            } else if (shows instanceof PatientList list) {
                long before = lastSeq();
                int status = client(list.caller()).get(fill(list.request())).statusCode();
                long listed = count("select count(*) from audit_entry where seq > ? and actor_id = ? and action = 'PHI_VIEW' and outcome = 'SUCCESS'"
                        + " and object_type = ? and patient_id is null", before, list.caller(), list.objectType());
                if (status != 200 || listed != 1) {
                    problems.add(endpoint + " as " + list.caller() + ": status " + status + ", " + listed + " list entries");
                }
            }
        });
        assertThat(problems).as("PHI pages without their audit entry").isEmpty();
    }

    // ---- changes -------------------------------------------------------------------------------------------------

    /** A change of Ada's PHI through its form, as {@code caller}; it must leave a PHI_CHANGE SUCCESS entry for her. */
    record Change(String endpoint, String caller, Supplier<HttpResponse<String>> request) {
    }

    @Test
    void bookingsACancellationARenewalRequestAndMessagesLeaveAChangeEntryForThePatient() {
        LocalDate day = schedules.today().plusDays(30);
        UUID toCancel = bookings.book(person(DESK), ada, followUp, drOne, at(day, 15), null);
        UUID thread = UUID.fromString(adas.get("thread"));
        List<Change> changes = List.of(
                new Change("POST /my/appointments", ADA, () -> client(ADA).submit("/my/appointments/book", "/my/appointments",
                        form("type", followUp, "provider", drOne, "start", at(day, 9), "reason", "Follow-up of the cough"))),
                new Change("POST /staff/appointments", DESK, () -> client(DESK).submit("/staff/appointments/book?patient=" + ada, "/staff/appointments",
                        form("patient", ada, "type", followUp, "provider", drOne, "start", at(day, 11)))),
                new Change("POST /my/appointments/{id}/cancel", ADA, () -> client(ADA).submit("/my/appointments/" + toCancel,
                        "/my/appointments/" + toCancel + "/cancel", "")),
                new Change("POST /my/medications/{id}/renewals", ADA, () -> client(ADA).submit("/my/medications/" + renewable,
                        "/my/medications/" + renewable + "/renewals", form("pharmacy", "Harbor Pharmacy"))),
                new Change("POST /my/messages", ADA, () -> MessageForm.from(client(ADA).get("/my/messages/new").body())
                        .field("pool", "CARE_TEAM:" + drOne).field("subject", "Still coughing").field("body", "Since Monday.").post(client(ADA), "/my/messages")),
                new Change("POST /staff/messages/{id}", DR_ONE, () -> MessageForm.from(client(DR_ONE).get("/staff/messages/" + thread).body())
                        .field("body", "Please come in.").post(client(DR_ONE), "/staff/messages/" + thread)));

        List<String> problems = new ArrayList<>();
        for (Change change : changes) {
            long before = lastSeq();
            int status = change.request().get().statusCode();
            if (status != 302) {
                problems.add(change.endpoint() + " as " + change.caller() + ": status " + status);
            } else if (entries(before, change.caller(), AuditAction.PHI_CHANGE.name(), ada) == 0) {
                problems.add(change.endpoint() + " as " + change.caller() + ": no PHI_CHANGE SUCCESS entry for the patient");
            }
        }
        assertThat(problems).as("changes of PHI without their audit entry").isEmpty();
    }

    // ---- Ada, her practice and her data --------------------------------------------------------------------------

    @BeforeAll
    void adaWithARecordMessagesARenewalAndAppointments() {
        ada = importAda();
        drOne = testRecords.practitioner(NPI);
        people.create(ADA, "Ada Quill", PASSWORD, Role.PATIENT);
        accounts.linkPatient(ADA, ada);
        staff(DR_ONE, "Dr. Una One", Role.PROVIDER);
        accounts.linkPractitioner(DR_ONE, drOne);
        staff(DESK, "Desk Clerk", Role.FRONT_DESK);
        staff(BILLING, "Bill Ledger", Role.BILLING);

        adas.put("ada", ada.toString());
        adas.put("drOne", drOne.toString());
        for (String kind : List.of("OBSERVATION", "DIAGNOSTIC_REPORT", "ENCOUNTER", "DOCUMENT")) {
            adas.put(switch (kind) {
                case "OBSERVATION" -> "result";
                case "DIAGNOSTIC_REPORT" -> "report";
                case "ENCOUNTER" -> "visit";
                default -> "note";
            }, jdbc.queryForObject("select id from record_entry where patient_id = ? and kind = ? order by effective_at limit 1", String.class, ada, kind));
        }
        adas.put("medication", medicationId("Simvastatin").toString());
        renewable = medicationId("Lisinopril");

        PortalClient her = client(ADA);
        HttpResponse<String> sent = MessageForm.from(her.get("/my/messages/new").body()).field("pool", "CARE_TEAM:" + drOne)
                .field("subject", "Cough").field("body", "A photo of the rash.").file("rash.png", io.hearth.messaging.TestFiles.PNG)
                .post(her, "/my/messages");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        adas.put("thread", match("/my/messages/([0-9a-f-]{36})", sent.headers().firstValue("Location").orElseThrow()));
        adas.put("attachment", jdbc.queryForObject("select id from message_attachment where patient_id = ?", String.class, ada));
        UUID medication = UUID.fromString(adas.get("medication"));
        assertThat(her.submit("/my/medications/" + medication, "/my/medications/" + medication + "/renewals", form("pharmacy", "Harbor Pharmacy"))
                .statusCode()).isEqualTo(302);
        adas.put("renewal", jdbc.queryForObject("select id from renewal_request where medication_id = ?", String.class, medication));

        appointments();
    }

    /** A clinic where Dr. One works around the clock; Ada has an appointment on the wait list, an earlier time offered, and a request. */
    private void appointments() {
        Caller desk = person(DESK);
        UUID clinic = practice.saveLocation(desk, null, "Main clinic", "1 Test Street", true);
        followUp = practice.saveType(desk, null, "Follow-up visit", 30, Booking.DIRECT, false, 365, 24, true);
        UUID physical = practice.saveType(desk, null, "Annual physical", 45, Booking.REQUEST, false, 365, 24, true);
        for (DayOfWeek weekday : DayOfWeek.values()) {
            practice.addHours(desk, drOne, clinic, weekday, LocalTime.MIDNIGHT, LocalTime.of(23, 45));
        }
        LocalDate day = schedules.today().plusDays(20);
        UUID appointment = bookings.book(desk, ada, followUp, drOne, at(day, 10), "Cough for three weeks");
        waitList.join(person(ADA), appointment);
        UUID earlier = bookings.book(desk, ada, followUp, drOne, at(day.minusDays(10), 10), null);
        bookings.cancel(desk, earlier, "Dr. One is away"); // frees an earlier time: offered to Ada's appointment on the wait list
        bookings.book(person(ADA), ada, physical, drOne, at(day.plusDays(5), 10), null);
        adas.put("appointment", appointment.toString());
        adas.put("day", day.toString());
        adas.put("offer", waitList.openOffers(person(ADA)).get(0).id().toString());
    }

    /**
     * Ada's record: her visits with Dr. One (his care team), a visit with a laboratory result in a report and a note,
     * a claim, and two medications he prescribed.
     */
    private UUID importAda() {
        String patient = UUID.randomUUID().toString();
        String visit = UUID.randomUUID().toString();
        String result = UUID.randomUUID().toString();
        String note = Base64.getEncoder().encodeToString("Chief complaint: cough for three weeks.".getBytes(StandardCharsets.UTF_8));
        List<String> entries = new ArrayList<>(List.of("""
                {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Encounter","status":"finished",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"subject":{"reference":"urn:uuid:%2$s"},
                 "period":{"start":"2025-04-01T10:00:00Z","end":"2025-04-01T10:30:00Z"},
                 "participant":[{"individual":{"reference":"Practitioner?identifier=%3$s|%4$s"}}]}}""".formatted(visit, patient, TestBundles.NPI, NPI),
                """
                {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Observation","status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"2339-0","display":"Glucose"}],"text":"Glucose"},
                 "subject":{"reference":"urn:uuid:%2$s"},"encounter":{"reference":"urn:uuid:%3$s"},"effectiveDateTime":"2025-04-01T10:15:00Z",
                 "valueQuantity":{"value":95,"unit":"mg/dL","system":"http://unitsofmeasure.org","code":"mg/dL"}}}""".formatted(result, patient, visit),
                """
                {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"DiagnosticReport","status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"51990-0","display":"Basic metabolic panel"}]},
                 "subject":{"reference":"urn:uuid:%2$s"},"encounter":{"reference":"urn:uuid:%3$s"},"effectiveDateTime":"2025-04-01T10:15:00Z",
                 "result":[{"reference":"urn:uuid:%4$s"}]}}""".formatted(UUID.randomUUID(), patient, visit, result),
                """
                {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"DocumentReference","status":"current",
                 "type":{"coding":[{"system":"http://loinc.org","code":"34117-2","display":"History and physical note"}]},
                 "subject":{"reference":"urn:uuid:%2$s"},"date":"2025-04-01T10:30:00Z",
                 "content":[{"attachment":{"contentType":"text/plain","data":"%3$s"}}],"context":{"encounter":[{"reference":"urn:uuid:%4$s"}]}}}"""
                        .formatted(UUID.randomUUID(), patient, note, visit),
                """
                {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Claim","status":"active",
                 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}],"text":"Professional"},
                 "use":"claim","patient":{"reference":"urn:uuid:%2$s"},"created":"2025-04-01","total":{"value":120.00,"currency":"USD"}}}"""
                        .formatted(UUID.randomUUID(), patient)));
        for (String[] medication : List.of(new String[] { "314231", "Simvastatin 10 MG Oral Tablet" },
                new String[] { "314076", "Lisinopril 10 MG Oral Tablet" })) {
            entries.add("""
                    {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"MedicationRequest","status":"active","intent":"order",
                     "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"%2$s","display":"%3$s"}],
                      "text":"%3$s"},
                     "subject":{"reference":"urn:uuid:%4$s"},"authoredOn":"2025-04-01T10:00:00Z",
                     "requester":{"reference":"Practitioner?identifier=%5$s|%6$s"},"dosageInstruction":[{"text":"Take one tablet daily"}]}}"""
                    .formatted(UUID.randomUUID(), medication[0], medication[1], patient, TestBundles.NPI, NPI));
        }
        String bundle = TestBundles.patient(patient, "ada", "Ada", "Quill", List.of(NPI), entries);
        return fhirImport.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "test").patients().iterator().next();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    @BeforeEach
    void freshSessions() {
        clients.clear();
    }

    private void staff(String username, String name, Role role) {
        people.create(username, name, PASSWORD, role);
    }

    /** One signed-in client per caller and test (the test clock moves with each sign-in). */
    private PortalClient client(String username) {
        return clients.computeIfAbsent(username, name -> {
            PortalClient client = new PortalClient(port);
            client.signIn(name, PASSWORD);
            return client;
        });
    }

    /** The status of a GET, its body read as bytes (pages and downloads alike). */
    private int download(String caller, String path) {
        PortalClient client = client(caller);
        return client.send(HttpRequest.newBuilder(client.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    private Caller person(String username) {
        String[] authorities = accounts.rolesOf(accounts.idOf(username).orElseThrow()).stream().map(Role::authority).toArray(String[]::new);
        return appointmentAccess.person(new TestingAuthenticationToken(username, "", authorities));
    }

    private UUID medicationId(String titleStart) {
        return medications.of(ada).stream().filter(medication -> medication.title().startsWith(titleStart)).findFirst().orElseThrow().id();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(schedules.zone()).toInstant();
    }

    /** The request with its placeholders filled from Ada's data. */
    private String fill(String request) {
        String filled = request;
        for (Map.Entry<String, String> value : adas.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(filled).as("placeholders of " + request).doesNotContain("{");
        return filled;
    }

    /** The newest entry in the chain, once everything recorded so far has joined it. */
    private long lastSeq() {
        audit.awaitChained();
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    /** SUCCESS entries of this action by this actor for this patient after {@code seq}. */
    private long entries(long seq, String actor, String action, UUID patient) {
        audit.awaitChained();
        return count("select count(*) from audit_entry where seq > ? and actor_id = ? and action = ? and outcome = 'SUCCESS' and patient_id = ?",
                seq, actor, action, patient);
    }

    private long count(String sql, Object... args) {
        audit.awaitChained();
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** How many lines of Ada's "Who opened my record" name this staff member. */
    private int accessLogLinesBy(String username) {
        audit.awaitChained();
        return (int) accessLog.page(ada, ADA, 0, 10_000).stream().filter(line -> line.actorId().equals(username)).count();
    }

    private static String match(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static String form(Object... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
