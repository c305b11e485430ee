package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class PasswordChangeIT {

    static final String PASSWORD = "lilac-tundra-beacon-33";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void changingNeedsTheCurrentPasswordAndThenOnlyTheNewOneWorks() {
        people.create("changer", "Imelda Changer", PASSWORD, Role.PATIENT);
        accounts.changeEmail("changer", "imelda.changer@example.org");
        PortalClient client = new PortalClient(port);
        client.signIn("changer", PASSWORD);

        HttpResponse<String> wrongCurrent = change(client, "not-the-current-one", "orbit-velvet-canyon-71", "orbit-velvet-canyon-71");
        assertThat(wrongCurrent.body()).contains("Your password is not right.");
        HttpResponse<String> weak = change(client, PASSWORD, "password12345", "password12345");
        assertThat(weak.body()).contains("too easy to guess");
        HttpResponse<String> mismatch = change(client, PASSWORD, "orbit-velvet-canyon-71", "orbit-velvet-canyon-72");
        assertThat(mismatch.body()).contains("The two new passwords differ.");

        HttpResponse<String> changed = change(client, PASSWORD, "orbit-velvet-canyon-71", "orbit-velvet-canyon-71");
        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/?passwordChanged"));

        assertThat(new PortalClient(port).signInPasswordOnly("changer", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
        PortalClient again = new PortalClient(port);
        again.signIn("changer", "orbit-velvet-canyon-71");
        assertThat(again.get("/").statusCode()).isEqualTo(200);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry e join account a on e.object_id = cast(a.id as varchar(100))
                where e.action = 'PASSWORD_CHANGED' and a.username_key = 'changer'""", Long.class)).isEqualTo(1);
        // the sign-in from a new client above also emails (new device), perhaps already: look at the password notice alone
        assertThat(TestMail.messagesTo("imelda.changer@example.org", 1).stream().filter(mail -> subjectOf(mail).contains("password was changed")))
                .singleElement().satisfies(mail -> assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("Imelda").doesNotContain("Changer"));
    }

    @Test
    void noneOfTheLastFivePasswordsMayBeUsedAgain() {
        people.create("recycler", "Re Cycler", PASSWORD, Role.NURSE);
        String[] passwords = { PASSWORD, "first-walnut-meadow-11", "second-walnut-meadow-22", "third-walnut-meadow-33",
                "fourth-walnut-meadow-44", "fifth-walnut-meadow-55" };
        for (int i = 1; i < 5; i++) {
            accounts.changePassword("recycler", passwords[i - 1].toCharArray(), passwords[i].toCharArray());
        }
        PortalClient client = new PortalClient(port);
        client.signIn("recycler", passwords[4]);

        assertThat(change(client, passwords[4], PASSWORD, PASSWORD).body()).contains("not used before");
        assertThat(change(client, passwords[4], passwords[4], passwords[4]).body()).contains("not used before");
        accounts.changePassword("recycler", passwords[4].toCharArray(), passwords[5].toCharArray());
        accounts.changePassword("recycler", passwords[5].toCharArray(), PASSWORD.toCharArray());
    }

    @Test
    void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
        people.create("old.password", "Old Password", PASSWORD, Role.PROVIDER);
        TestClock.INSTANCE.advance(Duration.ofDays(61));

        PortalClient client = new PortalClient(port);
        HttpResponse<String> signedIn = client.signIn("old.password", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
        for (String page : new String[] { "/", "/my/access-log", "/no/such/page" }) {
            assertThat(client.get(page).headers().firstValue("Location")).as(page)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
        }
        assertThat(client.get("/account/password").body()).contains("due for a change");

        change(client, PASSWORD, "fresh-quartz-willow-90", "fresh-quartz-willow-90");

        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void changingWithoutTheFormsCsrfTokenIsRefused() {
        people.create("csrf.target", "Csrf Target", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("csrf.target", PASSWORD);

        HttpResponse<String> forged = client.postForm("/account/password",
                "currentPassword=" + PASSWORD + "&newPassword=forged-granite-pony-12&confirmPassword=forged-granite-pony-12");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new PortalClient(port).signInPasswordOnly("csrf.target", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    private static HttpResponse<String> change(PortalClient client, String current, String replacement, String confirmation) {
        return client.submit("/account/password", "/account/password",
                "currentPassword=" + current + "&newPassword=" + replacement + "&confirmPassword=" + confirmation);
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
