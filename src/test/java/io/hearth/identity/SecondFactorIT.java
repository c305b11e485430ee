package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class SecondFactorIT {

    static final String PASSWORD = "tangerine-osprey-lattice-17";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void afterThePasswordAloneEveryPageLeadsToTheSecondStep() {
        people.create("two.step", "Two Step", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);

        HttpResponse<String> passwordStep = client.signInPasswordOnly("two.step", PASSWORD);

        assertThat(passwordStep.statusCode()).isEqualTo(302);
        for (String page : List.of("/", "/my/access-log", "/my/record", "/my/results", "/admin/notices", "/admin/staff/invite",
                "/staff/activation-codes", "/signin/enrol", "/account/security", "/account/password", "/account/sessions", "/account/email")) {
            HttpResponse<String> response = client.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page)
                    .hasValueSatisfying(location -> assertThat(location).contains("/signin/second-factor"));
        }
        assertThat(client.get("/signin/second-factor").body()).contains("Confirm it is you");
    }

    @Test
    void anonymousCallersAreSentToSignInFromEveryAccountPage() {
        PortalClient anonymous = new PortalClient(port);
        for (String page : List.of("/signin/second-factor", "/signin/enrol", "/account/security", "/account/password",
                "/account/sessions", "/account/email", "/staff/activation-codes", "/admin/staff/invite")) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
        }
        HttpResponse<String> keepAlive = anonymous.submit("/signin", "/session/keepalive", "");
        assertThat(keepAlive.statusCode()).isEqualTo(302);
        for (String action : List.of("/account/security/recovery-codes", "/account/sessions/end", "/account/sessions/end-others",
                "/account/email", "/account/email/confirmation", "/staff/activation-codes", "/admin/staff/invite")) {
            HttpResponse<String> refused = anonymous.submit("/signin", action, "currentPassword=x&handle=x&newEmail=x%40example.test");
            assertThat(refused.headers().firstValue("Location")).as(action).hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
        }
    }

    @Test
    void theRightCodeLetsYouInOnceAndAWrongOneDoesNot() {
        people.create("code.user", "Code User", PASSWORD, Role.NURSE);
        String code = TestAccounts.currentCode(TestAccounts.secretOf("code.user"));

        PortalClient wrong = new PortalClient(port);
        wrong.signInPasswordOnly("code.user", PASSWORD);
        HttpResponse<String> refused = wrong.submitSecondFactor(code.equals("000000") ? "111111" : "000000");
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?error"));
        assertThat(wrong.get("/").statusCode()).isEqualTo(302);

        PortalClient right = new PortalClient(port);
        right.signInPasswordOnly("code.user", PASSWORD);
        String sessionBefore = right.get("/signin/second-factor").headers().firstValue("Set-Cookie").orElse("");
        HttpResponse<String> accepted = right.submitSecondFactor(code);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(accepted.headers().allValues("Set-Cookie")).as("a new session id for the second step")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("__Host-HEARTH=").isNotEqualTo(sessionBefore));
        HttpResponse<String> home = right.get("/");
        assertThat(home.statusCode()).as(home.headers().map().toString()).isEqualTo(200);

        PortalClient replay = new PortalClient(port);
        replay.signInPasswordOnly("code.user", PASSWORD);
        assertThat(replay.submitSecondFactor(code).headers().firstValue("Location"))
                .as("the same code a second time").hasValueSatisfying(location -> assertThat(location).endsWith("?error"));
        assertThat(replay.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aRecoveryCodeWorksExactlyOnce() {
        List<String> recoveryCodes = people.create("lost.phone", "Lost Phone", PASSWORD, Role.PATIENT);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("select code_hash from recovery_code", String.class))
                .as("stored hashed").doesNotContainAnyElementsOf(recoveryCodes);

        PortalClient first = new PortalClient(port);
        first.signInPasswordOnly("lost.phone", PASSWORD);
        first.submitSecondFactor(recoveryCodes.get(3).toUpperCase());
        assertThat(first.get("/").statusCode()).isEqualTo(200);

        PortalClient again = new PortalClient(port);
        again.signInPasswordOnly("lost.phone", PASSWORD);
        again.submitSecondFactor(recoveryCodes.get(3));
        assertThat(again.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aNewAccountEnrolsAnAuthenticatorAppBeforeSeeingAnything() {
        people.createWithoutSecondFactor("fresh.patient", "Fresh Patient", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("fresh.patient", PASSWORD);

        assertThat(client.get("/signin/second-factor").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/enrol"));
        HttpResponse<String> enrolment = client.get("/signin/enrol");
        assertThat(enrolment.body()).contains("data:image/png;base64,");
        Matcher key = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(enrolment.body());
        assertThat(key.find()).isTrue();
        String secret = key.group(1).replace(" ", "");

        HttpResponse<String> wrongCode = client.submit("/signin/enrol", "/signin/enrol", "code=123");
        assertThat(wrongCode.body()).contains("The code is not right");
        assertThat(client.get("/").statusCode()).isEqualTo(302);

        HttpResponse<String> enrolled = client.submit("/signin/enrol", "/signin/enrol", "code=" + TestAccounts.currentCode(secret));
        assertThat(enrolled.statusCode()).isEqualTo(200);
        assertThat(enrolled.body()).contains("Save your recovery codes");
        assertThat(Pattern.compile("<code>[a-z2-9]{5}-[a-z2-9]{5}</code>").matcher(enrolled.body()).results().count()).isEqualTo(10);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isPositive();
    }

    @Test
    void wrongPasswordsTypedAgainForNewRecoveryCodesLockTheAccountLikeAnyOtherGuesses() {
        people.create("retype.codes", "Retype Codes", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("retype.codes", PASSWORD);
        long locks = audit.count("ACCOUNT_LOCKED");

        for (int i = 0; i < 4; i++) {
            client.submit("/account/security", "/account/security/recovery-codes", "currentPassword=wrong-password-" + i);
        }

        assertThat(audit.count("ACCOUNT_LOCKED")).as("the lock is audited like any other").isEqualTo(locks + 1);
        assertThat(new PortalClient(port).signInPasswordOnly("retype.codes", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    @Test
    void recoveryCodesCanBeReplacedAfterTypingThePasswordAgain() {
        List<String> oldCodes = people.create("new.codes", "New Codes", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("new.codes", PASSWORD);
        client.submitSecondFactor(oldCodes.get(0));
        assertThat(client.get("/account/security").body()).contains("Authenticator app: on.", "You have 9 unused recovery codes.");

        HttpResponse<String> refused = client.submit("/account/security", "/account/security/recovery-codes", "currentPassword=wrong-password-here");
        assertThat(refused.body()).contains("Your password is not right.");
        assertThat(jdbc.queryForObject("select failed_attempts from account where username_key = 'new.codes'", Integer.class)).isEqualTo(1);

        HttpResponse<String> renewed = client.submit("/account/security", "/account/security/recovery-codes", "currentPassword=" + PASSWORD);
        List<String> newCodes = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(renewed.body()).results()
                .map(match -> match.group(1)).toList();
        assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(oldCodes);
        assertThat(client.get("/account/security").body()).contains("You have 10 unused recovery codes.");

        PortalClient withOldCode = new PortalClient(port);
        withOldCode.signInPasswordOnly("new.codes", PASSWORD);
        withOldCode.submitSecondFactor(oldCodes.get(1));
        assertThat(withOldCode.get("/").statusCode()).as("old codes are gone").isEqualTo(302);
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverActive() {
        people.create("long.day", "Long Day", PASSWORD, Role.NURSE);
        PortalClient client = new PortalClient(port);
        client.signIn("long.day", PASSWORD);
        for (int hour = 0; hour < 11; hour++) {
            TestClock.INSTANCE.advance(Duration.ofHours(1));
            assertThat(client.get("/").statusCode()).as("hour %d", hour + 1).isEqualTo(200);
        }

        TestClock.INSTANCE.advance(Duration.ofMinutes(61));

        HttpResponse<String> ended = client.get("/");
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?timeout"));
        assertThat(client.get("/").statusCode()).as("the session is gone on the server").isEqualTo(302);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SESSION_ENDED' and actor_id = 'long.day'"
                + " and reason = 'absolute timeout'", Long.class)).isEqualTo(1);
    }

    @Test
    void someoneWithOnlyThePasswordCannotEnrolTheirOwnAuthenticator() {
        people.create("victim.user", "Victim User", PASSWORD, Role.PATIENT);
        PortalClient attacker = new PortalClient(port);
        attacker.signInPasswordOnly("victim.user", PASSWORD);

        assertThat(attacker.get("/signin/enrol").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor"));
        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
    }
}
