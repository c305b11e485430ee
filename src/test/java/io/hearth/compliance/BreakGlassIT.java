package io.hearth.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Emergency access: a reason, the second factor again, a time limit, an alert, and the security officer's review. */
@PortalTest
class BreakGlassIT {

    static final String PASSWORD = "vessel-amber-plover-36";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    EmergencyAccess emergencyAccess;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClinicianGetsSixtyMinutesForOnePatientAfterAReasonAndTheirCodeAndTheOfficerReviewsIt() {
        people.create("er.doctor", "Erin Doctor", PASSWORD, Role.PROVIDER);
        people.create("bg.officer", "Otto Officer", PASSWORD, Role.SECURITY_OFFICER);
        people.giveConfirmedEmail("bg.officer", "bg-officer@example.test");
        PortalClient doctor = new PortalClient(port);
        doctor.signIn("er.doctor", PASSWORD);
        UUID patient = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();
        long breakGlass = audit.count("BREAK_GLASS");

        HttpResponse<String> noReason = doctor.submit("/staff/break-glass?patient=" + patient, "/staff/break-glass",
                "patient=" + patient + "&details=Collapsed&code=" + TestAccounts.currentCode(TestAccounts.secretOf("er.doctor")));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Choose the reason", "value=\"Collapsed\"");
        HttpResponse<String> wrongCode = doctor.submit("/staff/break-glass?patient=" + patient, "/staff/break-glass",
                "patient=" + patient + "&reason=EMERGENCY_TREATMENT&details=Collapsed&code=000000");
        assertThat(wrongCode.statusCode()).isEqualTo(400);
        assertThat(wrongCode.body()).contains("That code is not right");
        assertThat(emergencyAccess.active("er.doctor", patient)).isFalse();

        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        HttpResponse<String> opened = doctor.submit("/staff/break-glass?patient=" + patient, "/staff/break-glass", "patient=" + patient
                + "&reason=EMERGENCY_TREATMENT&details=Collapsed+in+the+waiting+room&code="
                + TestAccounts.currentCode(TestAccounts.secretOf("er.doctor")));
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/staff/patients/" + patient + "/record"));
        assertThat(emergencyAccess.active("er.doctor", patient)).isTrue();
        assertThat(emergencyAccess.active("er.doctor", otherPatient)).as("that patient only").isFalse();
        assertThat(emergencyAccess.active("bg.officer", patient)).isFalse();
        assertThat(audit.count("BREAK_GLASS")).as("the wrong code and the grant").isEqualTo(breakGlass + 2);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select reason from audit_entry where action = 'BREAK_GLASS' and outcome = 'SUCCESS' and patient_id = ?",
                String.class, patient)).isEqualTo("Emergency treatment: Collapsed in the waiting room");
        assertThat(TestMail.messagesTo("bg-officer@example.test", 1)).anySatisfy(mail ->
                assertThat(mail.getSubject()).isEqualTo("An emergency access at Hearth Family Practice waits for your review"));

        TestClock.INSTANCE.advance(Duration.ofMinutes(61));
        assertThat(emergencyAccess.active("er.doctor", patient)).as("after 60 minutes").isFalse();

        PortalClient officer = new PortalClient(port);
        officer.signIn("bg.officer", PASSWORD);
        String review = officer.get("/security/break-glass").body();
        assertThat(review).contains("er.doctor", patient.toString(), "Collapsed in the waiting room");
        UUID grant = jdbc.queryForObject("select id from break_glass where patient_id = ?", UUID.class, patient);
        HttpResponse<String> accepted = officer.submit("/security/break-glass", "/security/break-glass/" + grant,
                "verdict=ACCEPTED&note=Confirmed+with+the+ER");
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?reviewed"));
        assertThat(officer.submit("/security/break-glass", "/security/break-glass/" + grant, "verdict=ESCALATED").statusCode())
                .as("reviewed once").isEqualTo(400);
        assertThat(jdbc.queryForObject("select review from break_glass where id = ?", String.class, grant)).isEqualTo("ACCEPTED");
    }

    @Test
    void onlyClinicians() {
        people.create("bg.frontdesk", "Fran Desk", PASSWORD, Role.FRONT_DESK);
        PortalClient desk = new PortalClient(port);
        desk.signIn("bg.frontdesk", PASSWORD);
        assertThat(desk.get("/staff/break-glass?patient=" + UUID.randomUUID()).statusCode()).isEqualTo(403);
    }
}
