package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one-time code by email, a patient's fallback second factor, through the real stack with GreenMail. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class EmailCodeIT {

    static final String PASSWORD = "pewter-lagoon-thistle-64";
    static final Pattern CODE = Pattern.compile("Your sign-in code is (\\d{6})\\.");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPatientSignsInWithACodeFromTheirEmailOnceOnly(CapturedOutput output) throws Exception {
        String email = patient("code.patient");
        long sent = audit.count("EMAIL_CODE_SENT");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("code.patient", PASSWORD);
        assertThat(client.get("/signin/second-factor").body()).contains("Email me a code");

        HttpResponse<String> asked = client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?emailed"));
        assertThat(client.get("/signin/second-factor?emailed").body()).contains("We emailed you a 6-digit code", "for 10 minutes");
        MimeMessage mail = TestMail.messagesTo(email, 1).get(0);
        String code = codeIn(mail);
        assertThat(mail.getSubject()).isEqualTo("Your Hearth Family Practice sign-in code");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello Cody,", "https://portal.test/signin/second-factor#code=" + code)
                .doesNotContain("Codeson");
        assertThat(jdbc.queryForList("select code_hash from email_code", String.class)).isNotEmpty().noneMatch(hash -> hash.contains(code));
        assertThat(audit.count("EMAIL_CODE_SENT")).isEqualTo(sent + 1);

        HttpResponse<String> signedIn = client.submitSecondFactor(code);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SIGN_IN_SUCCESS' and reason = 'FACTOR_EMAIL_CODE'",
                Long.class)).isEqualTo(1);

        PortalClient again = new PortalClient(port);
        again.signInPasswordOnly("code.patient", PASSWORD);
        assertThat(again.submitSecondFactor(code).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?error"));
        assertThat(again.get("/").statusCode()).isEqualTo(302);
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        String email = patient("late.patient");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("late.patient", PASSWORD);
        client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
        String code = codeIn(TestMail.messagesTo(email, 1).get(0));

        TestClock.INSTANCE.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(client.submitSecondFactor(code).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?error"));
    }

    @Test
    void atMostThreeCodesAreSentInFifteenMinutes() throws Exception {
        String email = patient("eager.patient");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("eager.patient", PASSWORD);
        for (int i = 0; i < 3; i++) {
            client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
        }
        assertThat(TestMail.messagesTo(email, 3)).hasSize(3);

        HttpResponse<String> fourth = client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
        assertThat(fourth.body()).contains("We have sent you several codes already.");
        TestClock.INSTANCE.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(client.submit("/signin/second-factor", "/signin/second-factor/email-code", "").statusCode()).isEqualTo(302);
        assertThat(TestMail.messagesTo(email, 4)).hasSize(4);
    }

    @Test
    void aPatientWhoseAddressIsUnconfirmedGetsNoCodeByEmail() {
        people.create("code.unconfirmed", "Una Unconfirmed", PASSWORD, Role.PATIENT);
        accounts.changeEmail("code.unconfirmed", "una@example.test");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("code.unconfirmed", PASSWORD);

        assertThat(client.get("/signin/second-factor").body()).doesNotContain("Email me a code");
        assertThat(client.submit("/signin/second-factor", "/signin/second-factor/email-code", "").body())
                .contains("A code by email is not available for this account.");
    }

    @Test
    void staffNeverGetACodeByEmail() {
        people.create("code.nurse", "Nora Nurse", PASSWORD, Role.NURSE);
        people.giveConfirmedEmail("code.nurse", "nora@example.test");
        people.create("code.both", "Bo Both", PASSWORD, Role.PATIENT, Role.FRONT_DESK);
        people.giveConfirmedEmail("code.both", "bo@example.test");
        long sent = audit.count("EMAIL_CODE_SENT");

        for (String staff : List.of("code.nurse", "code.both")) {
            PortalClient client = new PortalClient(port);
            client.signInPasswordOnly(staff, PASSWORD);
            assertThat(client.get("/signin/second-factor").body()).as(staff).doesNotContain("Email me a code");
            HttpResponse<String> refused = client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
            assertThat(refused.body()).as(staff).contains("A code by email is not available for this account.");
        }

        assertThat(audit.count("EMAIL_CODE_SENT")).isEqualTo(sent);
        assertThat(TestMail.messagesTo("nora@example.test", 1)).isEmpty();
        assertThat(TestMail.messagesTo("bo@example.test", 1)).isEmpty();
    }

    @Test
    void wrongCodesCountTowardTheLockoutLikeAuthenticatorCodes() throws Exception {
        String email = patient("guessing.patient");
        long locks = audit.count("ACCOUNT_LOCKED");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("guessing.patient", PASSWORD);
        client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");
        String code = codeIn(TestMail.messagesTo(email, 1).get(0));
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 4; i++) {
            client.submitSecondFactor(wrong);
        }

        assertThat(audit.count("ACCOUNT_LOCKED")).isEqualTo(locks + 1);
        assertThat(client.submitSecondFactor(code).headers().firstValue("Location")).as("not even the right code during the lock")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?error"));
        assertThat(new PortalClient(port).signInPasswordOnly("guessing.patient", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    private String patient(String username) {
        people.create(username, "Cody Codeson", PASSWORD, Role.PATIENT);
        String email = username + "@example.test";
        people.giveConfirmedEmail(username, email);
        return email;
    }

    static String codeIn(MimeMessage mail) {
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("a code in the email").isTrue();
        return matcher.group(1);
    }
}
