package io.hearth.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The security officer's alerts: the detector (run by the test; the schedule is an hour here) counts the audit trail,
 * raises one alert per rule and subject, emails the officers once per run without patient data, and the officer
 * closes each with a note.
 */
@PortalTest
@TestPropertySource(properties = {
        "hearth.compliance.alerts.check-interval=1h",
        "hearth.compliance.alerts.window=1h",
        "hearth.compliance.alerts.distinct-patients=6",
        "hearth.compliance.alerts.denied-reads=5",
        "hearth.compliance.alerts.failed-sign-ins-per-address=6",
        "hearth.compliance.alerts.failed-sign-ins-per-account=5" })
class SuspiciousActivityIT {

    static final String PASSWORD = "quarry-ember-thistle-58";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    SecurityAlerts alerts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClinicianOpeningManyPatientsRaisesOneAlertWhichTheOfficerClosesWithANote() {
        people.create("sa.officer", "Sam Officer", PASSWORD, Role.SECURITY_OFFICER);
        List<UUID> patients = views("snoop.nurse", 6);
        views("careful.nurse", 5);
        UUID seenOften = UUID.randomUUID();
        IntStream.range(0, 10).forEach(i -> view("busy.nurse", seenOften));

        alerts.detect();
        alerts.detect();
        assertThat(alertsFor("RECORD_SNOOPING", "snoop.nurse")).as("one alert, not one per run").isEqualTo(1);
        assertThat(alertsFor("RECORD_SNOOPING", "careful.nurse")).as("below the threshold").isZero();
        assertThat(alertsFor("RECORD_SNOOPING", "busy.nurse")).as("one patient many times").isZero();
        assertThat(alertsFor("REPEATED_DENIALS", "snoop.nurse")).isZero();

        views("snoop.nurse", 1);
        alerts.detect();
        assertThat(alertsFor("RECORD_SNOOPING", "snoop.nurse")).as("the open alert takes the new count").isEqualTo(1);
        UUID alert = jdbc.queryForObject("select id from security_alert where subject = 'snoop.nurse'", UUID.class);
        assertThat(jdbc.queryForObject("select event_count from security_alert where id = ?", Long.class, alert)).isEqualTo(7);

        jdbc.update("""
                insert into break_glass (id, username, patient_id, reason, details, granted_at, expires_at)
                values (?, 'er.nurse', ?, 'EMERGENCY_TREATMENT', 'Collapsed', current_timestamp, current_timestamp)""",
                UUID.randomUUID(), UUID.randomUUID());
        PortalClient officer = new PortalClient(port);
        officer.signIn("sa.officer", PASSWORD);
        String page = officer.get("/security/alerts").body();
        assertThat(page).contains("snoop.nurse", "7 different patients", "within 60 minutes", "/audit?user=snoop.nurse",
                "er.nurse used emergency access", "/security/break-glass");
        assertThat(patients).allSatisfy(patient -> assertThat(page).doesNotContain(patient.toString()));
        assertThat(page).doesNotContain("careful.nurse", "busy.nurse");

        HttpResponse<String> noNote = officer.submit("/security/alerts", "/security/alerts/" + alert, "verdict=HARMLESS&note=+");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("Write a note saying why");
        assertThat(officer.submit("/security/alerts", "/security/alerts/" + alert, "verdict=OPEN&note=Fine").statusCode()).isEqualTo(400);
        HttpResponse<String> closed = officer.submit("/security/alerts", "/security/alerts/" + alert,
                "verdict=HARMLESS&note=Vaccination+clinic+day");
        assertThat(closed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/security/alerts?closed"));
        assertThat(officer.submit("/security/alerts", "/security/alerts/" + alert, "verdict=ESCALATED&note=Again").statusCode())
                .as("closed once").isEqualTo(400);
        assertThat(jdbc.queryForObject("select status from security_alert where id = ?", String.class, alert)).isEqualTo("HARMLESS");
        audit.awaitChained();
        assertThat(jdbc.queryForObject("""
                select reason from audit_entry where action = 'ADMIN_ACTION' and object_type = 'security-alert' and object_id = ?
                  and actor_id = 'sa.officer'""", String.class, alert.toString())).isEqualTo("alert closed as harmless: Vaccination clinic day");
        assertThat(officer.get("/security/alerts").body()).contains("Harmless: Vaccination clinic day");

        alerts.detect();
        assertThat(alertsFor("RECORD_SNOOPING", "snoop.nurse")).as("closing is not undone by counting the same views again").isEqualTo(1);
        views("snoop.nurse", 6);
        alerts.detect();
        assertThat(alertsFor("RECORD_SNOOPING", "snoop.nurse")).as("new activity after the close").isEqualTo(2);
    }

    @Test
    void refusedReadsAndFailedSignInsRaiseAlertsAndEachOfficerGetsOneEmailWithoutPatientData() throws Exception {
        people.create("sa.officer2", "Sasha Officer", PASSWORD, Role.SECURITY_OFFICER);
        people.giveConfirmedEmail("sa.officer2", "sa-officer2@example.test");
        people.create("probe.nurse", "Pat Probe", PASSWORD, Role.NURSE);
        people.create("guessed.clerk", "Gus Clerk", PASSWORD, Role.FRONT_DESK);

        PortalClient nurse = new PortalClient(port);
        nurse.signIn("probe.nurse", PASSWORD);
        List<UUID> probed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID patient = UUID.randomUUID();
            probed.add(patient);
            assertThat(nurse.get("/staff/patients/" + patient + "/record").statusCode()).isEqualTo(404);
        }
        PortalClient guesser = new PortalClient(port);
        for (int i = 0; i < 6; i++) {
            guesser.signInPasswordOnly("nobody-" + i, "wrong-password-" + i);
        }
        for (int i = 0; i < 5; i++) {
            guesser.signInPasswordOnly("guessed.clerk", "wrong-password-" + i);
        }

        alerts.detect();
        assertThat(alertsFor("REPEATED_DENIALS", "probe.nurse")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from security_alert where rule = 'SIGN_IN_FAILURES_FROM_ADDRESS'", Long.class))
                .as("one client address").isEqualTo(1);
        assertThat(jdbc.queryForObject("select subject_name from security_alert where rule = 'SIGN_IN_FAILURES_AGAINST_ACCOUNT'", String.class))
                .isEqualTo("guessed.clerk");

        alerts.detect();
        List<MimeMessage> emails = TestMail.noticesTo(jdbc, "sa-officer2@example.test", "New security alerts");
        assertThat(emails).as("one email for the run that raised three alerts, none for the next").hasSize(1);
        String email = emails.get(0).getSubject() + "\n" + TestMail.decoded(GreenMailUtil.getBody(emails.get(0)));
        assertThat(email).contains("https://portal.test/security/alerts").doesNotContain("probe.nurse", "guessed.clerk", "nobody-", "127.0.0.1");
        assertThat(probed).allSatisfy(patient -> assertThat(email).doesNotContain(patient.toString()));
    }

    @Test
    void onlyTheSecurityOfficer() {
        people.create("sa.desk", "Dana Desk", PASSWORD, Role.FRONT_DESK);
        PortalClient desk = new PortalClient(port);
        desk.signIn("sa.desk", PASSWORD);
        assertThat(desk.get("/security/alerts").statusCode()).isEqualTo(403);
        assertThat(desk.submit("/", "/security/alerts/" + UUID.randomUUID(), "verdict=HARMLESS&note=Mine").statusCode()).isEqualTo(403);
    }

    private List<UUID> views(String nurse, int patients) {
        List<UUID> viewed = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            UUID patient = UUID.randomUUID();
            view(nurse, patient);
            viewed.add(patient);
        }
        return viewed;
    }

    /** What the staff record page records when a clinician opens a patient's record. */
    private void view(String nurse, UUID patient) {
        auditLog.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor(nurse, "NURSE")).patient(patient)
                .object("health-record", patient));
    }

    private long alertsFor(String rule, String subject) {
        return jdbc.queryForObject("select count(*) from security_alert where rule = ? and subject = ?", Long.class, rule, subject);
    }
}
