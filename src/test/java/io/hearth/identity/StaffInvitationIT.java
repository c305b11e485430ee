package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class StaffInvitationIT {

    static final String PASSWORD = "granite-pelican-sonnet-57";
    static final Pattern LINK = Pattern.compile("https://portal\\.test/signin/reset\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Test
    void anInvitedNurseChoosesTheirOwnPasswordAndEnrolsAtFirstSignIn() {
        PortalClient admin = signedIn("invite.admin", Role.ADMIN);

        HttpResponse<String> sent = admin.submit("/admin/staff/invite", "/admin/staff/invite",
                "displayName=Ines+Invited&username=ines.nurse&email=ines%40clinic.example&roles=NURSE&roles=PROVIDER");

        assertThat(sent.body()).contains("Invitation sent to ines.nurse");
        String token = TestMail.linkIn("ines@clinic.example", LINK);
        assertThat(GreenMailUtil.getBody(TestMail.messagesTo("ines@clinic.example", 1).get(0))).contains("Ines").doesNotContain("Invited");
        assertThat(accounts.emailConfirmed("ines.nurse")).isFalse();

        new PortalClient(port).submit("/signin/reset?token=" + token, "/signin/reset",
                "token=" + token + "&newPassword=" + PASSWORD + "&confirmPassword=" + PASSWORD);

        assertThat(accounts.emailConfirmed("ines.nurse")).as("the link reached its owner").isTrue();
        HttpResponse<String> firstSignIn = new PortalClient(port).signInPasswordOnly("ines.nurse", PASSWORD);
        assertThat(firstSignIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void onlyStaffRolesCanBeGivenAndOnlyByAdministrators() {
        PortalClient admin = signedIn("roles.admin", Role.ADMIN);

        HttpResponse<String> patientRole = admin.submit("/admin/staff/invite", "/admin/staff/invite",
                "displayName=Pat+Sneaky&username=pat.sneaky&email=pat%40clinic.example&roles=PATIENT");
        assertThat(patientRole.body()).contains("Choose one or more staff roles").contains("value=\"pat.sneaky\"");
        assertThat(accounts.exists("pat.sneaky")).isFalse();

        PortalClient nurse = signedIn("plain.nurse", Role.NURSE);
        assertThat(nurse.get("/admin/staff/invite").statusCode()).isEqualTo(403);
    }

    private PortalClient signedIn(String username, Role role) {
        people.create(username, "Some Body", PASSWORD, role);
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }
}
