package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class PasswordResetIT {

    static final String PASSWORD = "copper-lantern-fjord-48";
    static final Pattern LINK = Pattern.compile("https://portal\\.test/signin/reset\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOnlyTheKnownOneAnEmail() {
        people.create("forgetful", "Winifred Forgetful", PASSWORD, Role.PATIENT);
        accounts.changeEmail("forgetful", "winifred@example.org");

        HttpResponse<String> known = requestLink("winifred@example.org");
        HttpResponse<String> unknown = requestLink("nobody-at-all@example.org");

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(TestMail.messagesTo("winifred@example.org", 1)).singleElement().satisfies(mail -> {
            String body = GreenMailUtil.getBody(mail);
            assertThat(body).containsPattern(LINK).contains("Winifred").doesNotContain("Forgetful");
        });
        assertThat(jdbc.queryForList("select token_hash from password_reset_token", String.class))
                .as("only the hash is stored").allSatisfy(hash -> assertThat(hash).hasSize(64))
                .noneSatisfy(hash -> assertThat(linkToken("winifred@example.org")).isEqualTo(hash));
    }

    @Test
    void theLinkSetsANewPasswordOnceAndTheSecondFactorIsStillNeeded() {
        people.create("resetter", "Rupert Resetter", PASSWORD, Role.PATIENT);
        accounts.changeEmail("resetter", "rupert@example.org");
        requestLink("resetter");
        String token = linkToken("rupert@example.org");

        HttpResponse<String> refused = reset(token, "password12345");
        assertThat(refused.body()).contains("too easy to guess");
        HttpResponse<String> done = reset(token, "meadow-violin-harbor-88");
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?reset"));
        assertThat(reset(token, "another-violin-harbor-99").body()).contains("does not work any more");

        PortalClient client = new PortalClient(port);
        HttpResponse<String> passwordStep = client.signInPasswordOnly("resetter", "meadow-violin-harbor-88");
        assertThat(passwordStep.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(client.get("/").headers().firstValue("Location")).as("still the second step")
                .hasValueSatisfying(location -> assertThat(location).contains("/signin/second-factor"));
    }

    @Test
    void theLinkExpiresAfterThirtyMinutes() {
        people.create("slow.reader", "Sam Slow", PASSWORD, Role.PATIENT);
        accounts.changeEmail("slow.reader", "sam.slow@example.org");
        requestLink("sam.slow@example.org");
        String token = linkToken("sam.slow@example.org");

        TestClock.INSTANCE.advance(Duration.ofMinutes(31));

        assertThat(reset(token, "meadow-violin-harbor-77").body()).contains("does not work any more");
    }

    @Test
    void aResetSignsOutEverySessionOfTheAccount() {
        people.create("reset.everywhere", "Rosa Everywhere", PASSWORD, Role.PATIENT);
        accounts.changeEmail("reset.everywhere", "rosa@example.org");
        PortalClient stolen = new PortalClient(port);
        stolen.signIn("reset.everywhere", PASSWORD);
        assertThat(stolen.get("/").statusCode()).isEqualTo(200);

        requestLink("rosa@example.org");
        reset(linkToken("rosa@example.org"), "meadow-violin-harbor-66");

        assertThat(stolen.get("/").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/signin"));
    }

    @Test
    void anyPasswordChangeVoidsEarlierLinks() {
        people.create("changed.since", "Cora Changed", PASSWORD, Role.NURSE);
        accounts.changeEmail("changed.since", "cora@example.org");
        requestLink("changed.since");
        String token = linkToken("cora@example.org");

        accounts.changePassword("changed.since", PASSWORD.toCharArray(), "velvet-ember-quarry-56".toCharArray());

        assertThat(reset(token, "meadow-violin-harbor-66").body()).contains("does not work any more");
    }

    @Test
    void aLockedAccountCanStillResetItsPassword() {
        people.create("locked.reset", "Lucia Locked", PASSWORD, Role.PATIENT);
        accounts.changeEmail("locked.reset", "lucia@example.org");
        for (int i = 0; i < 4; i++) {
            new PortalClient(port).signInPasswordOnly("locked.reset", "wrong-password-" + i);
        }
        requestLink("lucia@example.org");
        String token = linkToken("lucia@example.org");

        assertThat(reset(token, "meadow-violin-harbor-55").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?reset"));

        PortalClient client = new PortalClient(port);
        HttpResponse<String> signedIn = client.signIn("locked.reset", "meadow-violin-harbor-55");
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        TestClock.INSTANCE.advance(Duration.ofMinutes(11));
    }

    private HttpResponse<String> requestLink(String name) {
        return new PortalClient(port).submit("/signin/forgot", "/signin/forgot", "name=" + name);
    }

    private HttpResponse<String> reset(String token, String password) {
        return new PortalClient(port).submit("/signin/reset?token=" + token, "/signin/reset",
                "token=" + token + "&newPassword=" + password + "&confirmPassword=" + password);
    }

    /** The token from the newest reset email to this address (other notices, such as a lock, may come first). */
    private static String linkToken(String address) {
        String token = null;
        for (int expected = 1; token == null && expected <= 3; expected++) {
            for (var message : TestMail.messagesTo(address, expected)) {
                Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
                if (link.find()) {
                    token = link.group(1);
                }
            }
        }
        assertThat(token).as("a reset link built from the configured address, not the Host header").isNotNull();
        return token;
    }
}
