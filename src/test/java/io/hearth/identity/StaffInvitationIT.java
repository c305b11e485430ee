package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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

    @Test
    void aUsernameThatLooksLikeAnExistingOneIsRefusedLikeTheNameItself() {
        PortalClient admin = signedIn("lookalike.admin", Role.ADMIN);
        for (String existing : List.of("admin", "demo.admin", "demo.patient", "scope")) {
            people.create(existing, "Some Body", PASSWORD, existing.equals("demo.patient") ? Role.PATIENT : Role.NURSE);
        }
        String taken = errorOf(invite(admin, "demo.admin", "taken@clinic.example"));
        assertThat(taken).isEqualTo("That username is taken.");

        // one script each, so only the confusable skeleton (UTS #39) sees them: Latin alpha, dotless i, all-Cyrillic
        for (String lookAlike : List.of("demo.\u0251dmin", "demo.adm\u0131n", "\u0455\u0441\u043e\u0440\u0435")) {
            assertThat(errorOf(invite(admin, lookAlike, "look.alike@clinic.example"))).as(lookAlike).isEqualTo(taken);
            assertThat(accounts.exists(lookAlike)).as(lookAlike).isFalse();
        }
        // Latin mixed with a Cyrillic a or e, or a Greek omicron
        for (String mixed : List.of("\u0430dmin", "demo.\u0430dmin", "d\u0435mo.patient", "dem\u03bf.admin", "demo.p\u0430tient")) {
            assertThat(errorOf(invite(admin, mixed, "mixed@clinic.example"))).as(mixed).contains("must not mix scripts");
            assertThat(accounts.exists(mixed)).as(mixed).isFalse();
        }
    }

    @Test
    void anAddressThatLooksLikeAnotherAccountsIsRefusedLikeTheAddressItself() {
        PortalClient admin = signedIn("address.admin", Role.ADMIN);
        assertThat(invite(admin, "first.owner", "demo.admin@clinic.example").body()).contains("Invitation sent to first.owner");
        String taken = errorOf(invite(admin, "second.owner", "demo.admin@clinic.example"));
        assertThat(taken).isEqualTo("Another account uses that email address.");

        assertThat(errorOf(invite(admin, "third.owner", "demo.\u0251dmin@clinic.example"))).isEqualTo(taken);
        assertThat(errorOf(invite(admin, "fourth.owner", "demo.\u0430dmin@clinic.example"))).contains("without mixing scripts");
        assertThat(accounts.exists("third.owner") || accounts.exists("fourth.owner")).as("a refused invitation makes no account").isFalse();
        assertThat(invite(admin, "fifth.owner", "demo.admin@other-clinic.example").body()).as("another domain is another address")
                .contains("Invitation sent to fifth.owner");
    }

    @Test
    void ofTwoLookAlikesCreatedAtTheSameMomentOnlyOneIsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> made = new ArrayList<>();
                for (String name : List.of("racer" + round + ".admin", "racer" + round + ".\u0251dmin")) {
                    made.add(pool.submit(() -> {
                        together.await();
                        try {
                            accounts.create(name, "Ray Racer", PASSWORD.toCharArray(), Set.of(Role.NURSE));
                            return true;
                        } catch (AccountRejectedException taken) {
                            assertThat(taken).hasMessage("identity.refused.usernameTaken");
                            return false;
                        }
                    }));
                }
                long stored = 0;
                for (Future<Boolean> each : made) {
                    stored += each.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(stored).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> invite(PortalClient admin, String username, String email) {
        return admin.submit("/admin/staff/invite", "/admin/staff/invite", "displayName=Ines+Invited&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&roles=NURSE");
    }

    private static String errorOf(HttpResponse<String> page) {
        Matcher error = Pattern.compile("<div class=\"alert alert--error\" role=\"alert\">([^<]*)</div>").matcher(page.body());
        return error.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(error.group(1)) : "";
    }

    private PortalClient signedIn(String username, Role role) {
        people.create(username, "Some Body", PASSWORD, role);
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }
}
