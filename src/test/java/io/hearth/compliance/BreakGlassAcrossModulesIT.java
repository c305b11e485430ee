package io.hearth.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.Booking;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.messaging.MessageForm;
import io.hearth.records.HealthRecords;
import io.hearth.records.MedicationLists;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestBundles;
import io.hearth.test.TestClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Break-glass opens all of the patient's data a care team sees, in every module, for the grant's duration only:
 * before it, a provider outside the care team finds none of the patient's message threads, renewal requests or
 * appointments; under it, every one opens and shows in their lists; after it, none does again.
 */
@PortalTest
class BreakGlassAcrossModulesIT {

    static final String PASSWORD = "lantern-osprey-cedar-73";
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    HealthRecords records;

    @Autowired
    MedicationLists medications;

    @Autowired
    PracticeSetup setup;

    @Autowired
    Bookings bookings;

    @Autowired
    AppointmentAccess appointmentAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGrantOpensMessagesRenewalsAndAppointmentsOfItsPatientUntilItEnds() {
        UUID bea = importPatient("bea", "Bea", "Wren", "311");
        importPatient("cal", "Cal", "Finch", "322"); // so that Dr. Out's practitioner exists, with a patient of her own
        people.create("bea.patient", "Bea Wren", PASSWORD, Role.PATIENT);
        accounts.linkPatient("bea.patient", bea);
        staff("dr.in", "Dr. Ian In", "311", Role.PROVIDER);
        staff("dr.out", "Dr. Olga Out", "322", Role.PROVIDER);
        people.create("desk.bg", "Desk Clerk", PASSWORD, Role.FRONT_DESK);

        PortalClient patient = signedIn("bea.patient");
        UUID drIn = accounts.practitionerOf("dr.in").orElseThrow();
        assertThat(MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "CARE_TEAM:" + drIn).field("subject", "Dizzy")
                .field("body", "I feel dizzy since Monday").post(patient, "/my/messages").statusCode()).isEqualTo(302);
        UUID thread = jdbc.queryForObject("select id from message_thread where patient_id = ?", UUID.class, bea);
        UUID medication = medications.of(bea).get(0).id();
        assertThat(patient.postForm("/my/medications/" + medication + "/renewals", "pharmacy=Harbor+Pharmacy&_csrf="
                + PortalClient.csrfToken(patient.get("/my/medications").body())).statusCode()).isEqualTo(302);
        UUID renewal = jdbc.queryForObject("select id from renewal_request where patient_id = ?", UUID.class, bea);
        UUID appointment = book(bea, drIn);

        Map<String, String> pages = Map.of("/staff/messages/" + thread, "Dizzy", "/staff/renewals/" + renewal, "Harbor Pharmacy",
                "/staff/appointments/" + appointment, "Bea Wren");
        PortalClient outsider = signedIn("dr.out");
        pages.forEach((page, shows) -> assertThat(outsider.get(page).statusCode()).as("before the grant: %s", page).isEqualTo(404));
        assertThat(outsider.get("/staff/messages").body()).doesNotContain(thread.toString());
        assertThat(outsider.get("/staff/renewals").body()).doesNotContain(renewal.toString());

        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        assertThat(outsider.submit("/staff/break-glass?patient=" + bea, "/staff/break-glass", "patient=" + bea
                + "&reason=COVERING_FOR_COLLEAGUE&details=Covering+for+Dr.+In&code=" + TestAccounts.currentCode(TestAccounts.secretOf("dr.out")))
                .statusCode()).isEqualTo(302);

        pages.forEach((page, shows) -> {
            var opened = outsider.get(page);
            assertThat(opened.statusCode()).as("under the grant: %s", page).isEqualTo(200);
            assertThat(opened.body()).as(page).contains(shows);
        });
        assertThat(outsider.get("/staff/messages").body()).as("the inbox lists the thread").contains(thread.toString());
        assertThat(outsider.get("/staff/renewals").body()).as("the queue lists the request").contains(renewal.toString());
        assertThat(signedIn("dr.in").get("/staff/messages/" + thread).statusCode()).as("the care team as before").isEqualTo(200);

        TestClock.INSTANCE.advance(Duration.ofMinutes(61));
        pages.forEach((page, shows) -> assertThat(outsider.get(page).statusCode()).as("after the grant: %s", page).isEqualTo(404));
        assertThat(outsider.get("/staff/messages").body()).doesNotContain(thread.toString());
    }

    /** A follow-up visit with the patient's own provider, three days ahead, booked by the front desk. */
    private UUID book(UUID patient, UUID practitioner) {
        Caller desk = appointmentAccess.person(new TestingAuthenticationToken("desk.bg", "", Role.FRONT_DESK.authority()));
        UUID clinic = setup.saveLocation(desk, null, "Break-glass clinic", "2 Test Street", true);
        UUID followUp = setup.saveType(desk, null, "Break-glass follow-up", 30, Booking.DIRECT, false, 365, 0, true);
        for (DayOfWeek day : DayOfWeek.values()) {
            setup.addHours(desk, practitioner, clinic, day, LocalTime.MIDNIGHT, LocalTime.of(23, 45));
        }
        LocalDate day = LocalDate.now(TestClock.INSTANCE.withZone(ZONE)).plusDays(3);
        return bookings.book(desk, patient, followUp, practitioner, day.atTime(10, 0).atZone(ZONE).toInstant(), "Dizziness");
    }

    private UUID importPatient(String key, String given, String family, String npi) {
        String patient = UUID.randomUUID().toString();
        String medication = """
                {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"MedicationRequest","status":"active","intent":"order",
                 "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"314076",
                 "display":"Lisinopril 10 MG Oral Tablet"}],"text":"Lisinopril 10 MG Oral Tablet"},
                 "subject":{"reference":"urn:uuid:%s"},"authoredOn":"2025-05-01T10:00:00Z",
                 "requester":{"reference":"Practitioner?identifier=%s|%s"},
                 "dosageInstruction":[{"text":"Take one tablet daily"}]}}""".formatted(UUID.randomUUID(), patient, TestBundles.NPI, npi);
        String bundle = TestBundles.patient(patient, key, given, family, List.of(npi), List.of(medication));
        return fhirImport.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "test").patients().iterator().next();
    }

    private void staff(String username, String name, String npi, Role role) {
        people.create(username, name, PASSWORD, role);
        accounts.linkPractitioner(username, records.practitionerByIdentifier(TestBundles.NPI + "|" + npi).orElseThrow());
    }

    private PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }
}
