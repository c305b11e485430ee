package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.messaging.MessageForm;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every redirect the portal answers, asked with a forged {@code Host}, {@code X-Forwarded-Host} and {@code Forwarded}
 * (no proxy is configured): its {@code Location} is relative to this server (one leading slash) or starts with the
 * configured base URL, port included, and never names the forged host. The redirects come from Spring Security (the
 * entry points, sign-in success and failure, sign-out), from filters (second step, absolute timeout) and from
 * controllers' {@code redirect:} views in every module.
 */
@PortalTest
@TestPropertySource(properties = "hearth.base-url=" + RedirectsIgnoreForgedHostIT.BASE_URL)
class RedirectsIgnoreForgedHostIT {

    static final String BASE_URL = "https://portal.test:8443";
    static final String PASSWORD = "saffron-kettle-meadow-64";
    static final String[] FORGED = { "Host", "evil.example", "X-Forwarded-Host", "xfh.evil.example",
            "Forwarded", "host=fwd.evil.example;proto=http", "X-Forwarded-Proto", "http", "X-Forwarded-Port", "81" };
    static final Pattern RESET_LINK = Pattern.compile("https://portal\\.test:8443/signin/reset\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebServerApplicationContext context;

    private final Map<String, HttpResponse<String>> redirects = new LinkedHashMap<>();

    @AfterEach
    void everyRedirectStaysOnThePortal() {
        SoftAssertions softly = new SoftAssertions();
        redirects.forEach((what, response) -> {
            softly.assertThat(response.statusCode()).as(what + ": a redirect").isBetween(300, 399);
            String location = response.headers().firstValue("Location").orElse("");
            softly.assertThat(location).as(what + ": relative or from the base URL")
                    .matches(value -> value.matches("/([^/\\\\].*)?") || value.startsWith(BASE_URL + "/"), "relative or " + BASE_URL + "/...")
                    .doesNotContainIgnoringCase("evil");
        });
        softly.assertAll();
    }

    @Test
    void redirectsOfSomeoneNotSignedIn() {
        people.create("redirect.forgetful", "Rhea Forgetful", PASSWORD, Role.PATIENT);
        accounts.changeEmail("redirect.forgetful", "rhea.forgetful@example.org");
        PortalClient anonymous = new PortalClient(port);

        redirect("GET / (sign-in entry point)", anonymous.get("/", FORGED));
        redirect("GET /my/appointments (entry point)", anonymous.get("/my/appointments", FORGED));
        redirect("GET /admin/accounts (entry point)", anonymous.get("/admin/accounts", FORGED));
        redirect("POST /signin, wrong password", anonymous.signInPasswordOnly("redirect.forgetful", "wrong-" + PASSWORD, FORGED));
        redirect("POST /signin/forgot", anonymous.submit("/signin/forgot", "/signin/forgot", "name=redirect.forgetful", FORGED));
        String token = TestMail.linkIn("rhea.forgetful@example.org", RESET_LINK);
        redirect("POST /signin/reset", anonymous.submit("/signin/reset?token=" + token, "/signin/reset",
                "token=" + token + "&newPassword=juniper-lantern-cobalt-91&confirmPassword=juniper-lantern-cobalt-91", FORGED));
    }

    @Test
    void redirectsOfTheSignInSteps() {
        people.create("redirect.patient", "Rosa Redirect", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("redirect.patient", "rosa.redirect@example.org");
        people.createWithoutSecondFactor("redirect.newcomer", "Nina Newcomer", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);

        redirect("GET /my/results (entry point; the request is kept for after the sign-in)", client.get("/my/results", FORGED));
        redirect("POST /signin, right password (to the kept request)", client.signInPasswordOnly("redirect.patient", PASSWORD, FORGED));
        redirect("GET / with the password only (second-step entry point)", client.get("/", FORGED));
        redirect("POST /signin/second-factor/email-code", client.submit("/signin/second-factor", "/signin/second-factor/email-code", "", FORGED));
        redirect("POST /signin/second-factor, wrong code", client.submit("/signin/second-factor", "/signin/second-factor", "code=000000", FORGED));
        redirect("POST /signin/second-factor, right code (to the kept request)", client.submit("/signin/second-factor", "/signin/second-factor",
                "code=" + TestAccounts.currentCode(TestAccounts.secretOf("redirect.patient")), FORGED));
        TestClock.INSTANCE.advance(Duration.ofSeconds(30));

        PortalClient newcomer = new PortalClient(port);
        newcomer.signInPasswordOnly("redirect.newcomer", PASSWORD);
        redirect("GET /signin/second-factor before enrolment", newcomer.get("/signin/second-factor", FORGED));
    }

    @Test
    void redirectsOfSomeoneSignedIn() {
        people.create("redirect.signed", "Sami Signed", PASSWORD, Role.PATIENT);
        accounts.linkPatient("redirect.signed", UUID.randomUUID());
        PortalClient patient = new PortalClient(port);
        patient.signIn("redirect.signed", PASSWORD);

        redirect("GET /signin when signed in", patient.get("/signin", FORGED));
        redirect("POST /account/sessions/end-others", patient.submit("/account/sessions", "/account/sessions/end-others", "", FORGED));
        redirect("POST /my/messages", MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                .field("subject", "Directions").field("body", "Where do I park?").post(patient, "/my/messages", FORGED));
        redirect("POST /account/password", patient.submit("/account/password", "/account/password",
                "currentPassword=" + PASSWORD + "&newPassword=quartz-harbor-fennel-37&confirmPassword=quartz-harbor-fennel-37", FORGED));
        redirect("POST /signout", patient.submit("/", "/signout", "", FORGED));

        PortalClient lingering = new PortalClient(port);
        lingering.signIn("redirect.signed", "quartz-harbor-fennel-37");
        TestClock.INSTANCE.advance(Duration.ofHours(13));
        redirect("GET / after the absolute session timeout", lingering.get("/", FORGED));
    }

    @Test
    void redirectsOfAnAdministrator() {
        people.create("redirect.admin", "Ada Admin", PASSWORD, Role.ADMIN);
        people.create("redirect.locked", "Lou Locked", PASSWORD, Role.PATIENT);
        UUID locked = jdbc.queryForObject("select id from account where username = 'redirect.locked'", UUID.class);
        PortalClient admin = new PortalClient(port);
        admin.signIn("redirect.admin", PASSWORD);

        redirect("POST /admin/accounts/{id}/unlock", admin.submit("/admin/accounts/" + locked, "/admin/accounts/" + locked + "/unlock", "", FORGED));
    }

    @Test
    void thePlainHttpPortRedirectsToTheBaseUrlWithItsPort() throws IOException {
        StringBuilder request = new StringBuilder("GET /my/results?sort=date HTTP/1.1\r\n");
        for (int i = 0; i + 1 < FORGED.length; i += 2) {
            request.append(FORGED[i]).append(": ").append(FORGED[i + 1]).append("\r\n");
        }
        List<String> response = TransportIT.rawHttp(TransportIT.httpPort(context), request.append("Connection: close\r\n\r\n").toString());

        assertThat(response.get(0)).startsWith("HTTP/1.1 301");
        assertThat(response).contains("Location: " + BASE_URL + "/my/results?sort=date");
    }

    private void redirect(String what, HttpResponse<String> response) {
        redirects.put(what, response);
    }
}
