package io.hearth.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security officer's audit search and CSV export, through the real stack on PostgreSQL. */
@PortalTest
class AuditSearchIT {

    static final String PASSWORD = "beacon-thistle-ember-45";
    static final Pattern NEXT = Pattern.compile("href=\"([^\"]*after=[^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    AuditLog audit;

    @Autowired
    TestAudit trail;

    private PortalClient officer() {
        people.create("search.officer", "Sec Officer", PASSWORD, Role.SECURITY_OFFICER);
        PortalClient officer = new PortalClient(port);
        officer.signIn("search.officer", PASSWORD);
        return officer;
    }

    private void opened(String user, UUID patient, int times) {
        for (int i = 0; i < times; i++) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor(user, "PROVIDER")).patient(patient)
                    .object("observation", UUID.randomUUID()));
        }
    }

    @Test
    void everyPatientAUserOpenedAndEveryoneWhoOpenedAPatientPageByPage() {
        PortalClient officer = officer();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        opened("dr.curious", alice, 130);
        opened("dr.curious", bob, 20);
        opened("nurse.kind", alice, 3);
        trail.awaitChained();
        String today = LocalDate.now(io.hearth.test.TestClock.INSTANCE.withZone(ZoneId.of("America/New_York"))).toString();

        String first = officer.get("/audit?user=dr.curious&from=" + today + "&to=" + today).body();
        assertThat(rows(first)).isEqualTo(100);
        assertThat(first).doesNotContain("nurse.kind");
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).isTrue();
        String second = officer.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(rows(second)).isEqualTo(50);
        assertThat(NEXT.matcher(second).find()).isFalse();

        String whoOpenedAlice = officer.get("/audit?patient=" + alice + "&action=PHI_VIEW").body();
        assertThat(whoOpenedAlice).contains("nurse.kind", "dr.curious").doesNotContain(bob.toString());
        assertThat(officer.get("/audit?user=dr.curious&from=2020-01-01&to=2020-01-02").body()).doesNotContain("dr.curious</td>");
        assertThat(trail.count("AUDIT_SEARCHED")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theExportEscapesFormulasAndIsItselfAudited() {
        PortalClient officer = officer();
        UUID patient = UUID.randomUUID();
        audit.record(AuditEvent.of(AuditAction.BREAK_GLASS, AuditOutcome.SUCCESS).by(new Actor("dr.sneaky", "PROVIDER")).patient(patient)
                .because("=HYPERLINK(\"http://evil.example/\",\"click\")"));
        audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(new Actor("@dr.at", "PROVIDER")).patient(patient)
                .because("+1 -2 \"quoted\""));
        trail.awaitChained();
        long exports = trail.count("AUDIT_EXPORTED");

        HttpResponse<String> csv = officer.get("/audit/export.csv?patient=" + patient);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-export.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("seq,occurred_at,actor");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"", "\"'@dr.at\"", "\"'+1 -2 \"\"quoted\"\"\"")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(trail.count("AUDIT_EXPORTED")).isEqualTo(exports + 1);
    }

    @Test
    void badOrHostileFiltersAreRefusedOrTakenLiterally() {
        PortalClient officer = officer();
        opened("dr.plain", UUID.randomUUID(), 2);
        trail.awaitChained();

        HttpResponse<String> injection = officer.get("/audit?user=" + URLEncoder.encode("x' or '1'='1", StandardCharsets.UTF_8));
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(rows(injection.body())).isZero();
        HttpResponse<String> notAnId = officer.get("/audit?patient=robert%27);drop");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("A patient is named by their record id");
        assertThat(officer.get("/audit?from=yesterday").body()).contains("Give days as year-month-day");
        assertThat(officer.get("/audit?action=EVERYTHING").statusCode()).isEqualTo(400);
        assertThat(officer.get("/audit?user=dr.plain&after=garbage").body()).contains("That page link is damaged");
    }

    @Test
    void onlyTheSecurityOfficerSearchesTheTrail() {
        for (Role role : List.of(Role.ADMIN, Role.PROVIDER, Role.PATIENT)) {
            String username = "not.officer." + role.name().toLowerCase();
            people.create(username, "Not Officer", PASSWORD, role);
            PortalClient client = new PortalClient(port);
            client.signIn(username, PASSWORD);
            assertThat(client.get("/audit").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(client.get("/audit/export.csv").statusCode()).as(role.name()).isEqualTo(403);
        }
    }

    private static int rows(String html) {
        int body = html.indexOf("<tbody>");
        return body < 0 ? 0 : html.substring(body, html.indexOf("</tbody>")).split("<tr>", -1).length - 1;
    }
}
