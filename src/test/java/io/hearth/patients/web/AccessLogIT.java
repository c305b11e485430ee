package io.hearth.patients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class AccessLogIT {

    static final String PASSWORD = "cobalt-thistle-harvest-35";
    static final UUID ROSA = UUID.fromString("3f5a0c1e-8d2b-4f6a-9e7c-1b2d3c4e5f60");
    static final UUID OTHER = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void people() {
        if (accounts.exists("rosa.patient")) {
            return;
        }
        people.create("rosa.patient", "Rosa Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("rosa.patient", ROSA);
        people.create("other.patient", "Other Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("other.patient", OTHER);
        people.create("dr.okafor", "Dr. Adaeze Okafor", PASSWORD, Role.PROVIDER);
        people.create("nurse.lind", "Erik Lind", PASSWORD, Role.NURSE);
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("dr.okafor", "PROVIDER"))
                .patient(ROSA).object("lab-result", "42"));
        audit.record(AuditEvent.of(AuditAction.BREAK_GLASS, AuditOutcome.SUCCESS).by(new Actor("nurse.lind", "NURSE"))
                .patient(ROSA).because("Emergency department: patient unconscious"));
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("rosa.patient", "PATIENT"))
                .patient(ROSA).object("lab-result", "42"));
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).by(new Actor("nurse.lind", "NURSE"))
                .patient(ROSA).object("lab-result", "43"));
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("dr.okafor", "PROVIDER"))
                .patient(OTHER).object("visit", "7"));
    }

    @Test
    void aPatientSeesWhoAtThePracticeOpenedTheirRecordWithBreakGlassReasons() {
        PortalClient rosa = new PortalClient(port);
        rosa.signIn("rosa.patient", PASSWORD);

        HttpResponse<String> page = rosa.get("/my/access-log");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(page.body()).contains("Dr. Adaeze Okafor", "Erik Lind", "Emergency access", "Emergency department: patient unconscious",
                "(lab-result)", "America/New_York");
        assertThat(page.body()).as("her own views are not staff access").doesNotContain("Rosa Patient</td>");
        assertThat(page.body()).as("another patient's entries").doesNotContain("(visit)");
        assertThat(count(page.body(), "<tr")).as("header + 2 accesses (the denied attempt opened nothing)").isEqualTo(3);
    }

    @Test
    void eachPatientSeesOnlyTheirOwnLog() {
        PortalClient client = new PortalClient(port);
        client.signIn("other.patient", PASSWORD);

        String body = client.get("/my/access-log").body();

        assertThat(body).contains("Dr. Adaeze Okafor", "(visit)").doesNotContain("lab-result", "Erik Lind");
    }

    @Test
    void aPatientWhoseRecordNobodyOpenedSeesAnEmptyState() {
        if (!accounts.exists("quiet.patient")) {
            people.create("quiet.patient", "Quiet Patient", PASSWORD, Role.PATIENT);
            accounts.linkPatient("quiet.patient", UUID.randomUUID());
        }
        PortalClient client = new PortalClient(port);
        client.signIn("quiet.patient", PASSWORD);

        assertThat(client.get("/my/access-log").body()).contains("Nobody at the practice has opened your record yet.");
    }

    @Test
    void staffCannotOpenThePatientAccessLogPage() {
        PortalClient doctor = new PortalClient(port);
        doctor.signIn("dr.okafor", PASSWORD);

        assertThat(doctor.get("/my/access-log").statusCode()).isEqualTo(403);
    }

    private static int count(String text, String token) {
        return text.split(token, -1).length - 1;
    }
}
