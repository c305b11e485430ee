package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The effective security settings, read-only for auditors, and the administrator's switch for codes by email. */
@PortalTest
class SecuritySettingsIT {

    static final String PASSWORD = "juniper-anvil-meadow-27";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Test
    void administratorsAndTheSecurityOfficerSeeTheSettingsInForceAndNobodyElse() {
        people.create("settings.admin", "Ada Admin", PASSWORD, Role.ADMIN);
        people.create("settings.officer", "Sol Officer", PASSWORD, Role.SECURITY_OFFICER);
        people.create("settings.nurse", "Nia Nurse", PASSWORD, Role.NURSE);
        people.create("settings.patient", "Pat Patient", PASSWORD, Role.PATIENT);

        PortalClient admin = new PortalClient(port);
        admin.signIn("settings.admin", PASSWORD);
        String page = admin.get("/admin/settings").body();
        assertThat(page).contains("Failed sign-in steps that lock an account</th>", "<td>4</td>", "<td>20 minutes</td>",
                "<td>60 days</td>", "<td>15 minutes</td>", "<td>12 hours</td>", "<td>12</td>", "<td>3 / 4</td>",
                "Switch codes by email off");

        PortalClient officer = new PortalClient(port);
        officer.signIn("settings.officer", PASSWORD);
        HttpResponse<String> officerView = officer.get("/admin/settings");
        assertThat(officerView.statusCode()).isEqualTo(200);
        assertThat(officerView.body()).contains("<td>20 minutes</td>").doesNotContain("Switch codes by email");
        assertThat(officer.submit("/admin/settings", "/admin/settings/email-code", "on=false").statusCode()).isEqualTo(403);

        for (String other : new String[] {"settings.nurse", "settings.patient"}) {
            PortalClient client = new PortalClient(port);
            client.signIn(other, PASSWORD);
            assertThat(client.get("/admin/settings").statusCode()).as(other).isEqualTo(403);
        }
    }

    @Test
    void anAdministratorSwitchesCodesByEmailOffAndOnAndEachChangeIsAudited() {
        people.create("switch.admin", "Sam Switch", PASSWORD, Role.ADMIN);
        people.create("switch.patient", "Paula Switch", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("switch.patient", "paula-switch@example.test");
        PortalClient admin = new PortalClient(port);
        admin.signIn("switch.admin", PASSWORD);
        long changes = audit.count("SETTING_CHANGED");

        HttpResponse<String> off = admin.submit("/admin/settings", "/admin/settings/email-code", "on=false");
        assertThat(off.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/admin/settings?changed"));
        assertThat(admin.get("/admin/settings").body()).contains("a one-time code by email — off", "Switch codes by email on");

        PortalClient patient = new PortalClient(port);
        patient.signInPasswordOnly("switch.patient", PASSWORD);
        assertThat(patient.get("/signin/second-factor").body()).doesNotContain("Email me a code");
        assertThat(patient.submit("/signin/second-factor", "/signin/second-factor/email-code", "").body())
                .contains("A code by email is not available for this account.");
        assertThat(TestMail.messagesTo("paula-switch@example.test", 1)).isEmpty();

        admin.submit("/admin/settings", "/admin/settings/email-code", "on=true");
        assertThat(patient.get("/signin/second-factor").body()).contains("Email me a code");
        assertThat(audit.count("SETTING_CHANGED")).isEqualTo(changes + 2);
    }
}
