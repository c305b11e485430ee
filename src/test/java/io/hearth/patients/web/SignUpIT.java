package io.hearth.patients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.PatientIdentities;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignUpIT {

    static final String PASSWORD = "walnut-harbor-comet-73";
    static final String NEW_PASSWORD = "lagoon-fiddle-cactus-95";
    static final Pattern CODE = Pattern.compile("<code id=\"activation-code\" class=\"big-code\">([0-9A-Z-]{14})</code>");
    static final Pattern CONFIRM = Pattern.compile("https://portal\\.test/signup/confirm\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    PatientIdentities identities;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    UUID[] patients = new UUID[4];
    LocalDate[] birthDates = new LocalDate[4];

    @BeforeAll
    void importPatients() throws IOException {
        String[] names = { "Basil991", "Beatriz277", "Candy565", "Cedric746" };
        for (int i = 0; i < names.length; i++) {
            try (InputStream in = Files.newInputStream(SyntheaBundles.patient(names[i]))) {
                patients[i] = fhirImport.importBundle(in, "test").patients().iterator().next();
            }
            birthDates[i] = identities.of(patients[i]).orElseThrow().birthDate();
        }
        people.create("front.desk", "Fran Desk", PASSWORD, Role.FRONT_DESK);
    }

    /** Signed in afresh each time: one test moves the clock past the absolute session timeout. */
    private PortalClient frontDesk() {
        PortalClient frontDesk = new PortalClient(port);
        frontDesk.signIn("front.desk", PASSWORD);
        return frontDesk;
    }

    @Test
    void aPatientOpensTheirAccountWithTheCodeAndConfirmsTheirEmail() {
        String code = issueCode(patients[0]);

        HttpResponse<String> signedUp = signUp(code, birthDates[0], "basil.new", "basil@example.org", NEW_PASSWORD);

        assertThat(signedUp.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?registered"));
        assertThat(accounts.patientOf("basil.new")).contains(patients[0]);
        assertThat(accounts.emailConfirmed("basil.new")).isFalse();
        String link = confirmationLink("basil@example.org");
        assertThat(new PortalClient(port).get("/signup/confirm?token=" + link).body()).contains("confirmed");
        assertThat(accounts.emailConfirmed("basil.new")).isTrue();
        assertThat(new PortalClient(port).get("/signup/confirm?token=" + link).body()).as("a link works once").contains("does not work any more");

        HttpResponse<String> firstSignIn = new PortalClient(port).signInPasswordOnly("basil.new", NEW_PASSWORD);
        assertThat(firstSignIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(jdbc.queryForList("select code_hash from activation_code", String.class)).as("only hashes are kept")
                .allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContain(code.replace("-", "")));
    }

    @Test
    void aWrongDateOfBirthGetsTheSameAnswerAsAnUnknownCodeAndLosesNothing() {
        String code = issueCode(patients[1]);

        HttpResponse<String> wrongDate = signUp(code, birthDates[1].plusDays(1), "beatriz.new", "beatriz@example.org", NEW_PASSWORD);
        HttpResponse<String> unknownCode = signUp("ZZZZ-ZZZZ-ZZZZ", birthDates[1], "beatriz.new", "beatriz@example.org", NEW_PASSWORD);

        assertThat(wrongDate.statusCode()).isEqualTo(unknownCode.statusCode()).isEqualTo(200);
        assertThat(errorOf(wrongDate.body())).isEqualTo(errorOf(unknownCode.body())).contains("do not match");
        assertThat(wrongDate.body()).as("what was typed is kept").contains("value=\"beatriz.new\"", "value=\"beatriz@example.org\"");
        assertThat(accounts.exists("beatriz.new")).isFalse();

        HttpResponse<String> weakPassword = signUp(code.toLowerCase().replace("-", " "), birthDates[1], "beatriz.new", "beatriz@example.org",
                "password1234");
        assertThat(errorOf(weakPassword.body())).doesNotContain("do not match").isNotBlank();
        assertThat(accounts.exists("beatriz.new")).as("a refused password opens nothing").isFalse();

        assertThat(signUp(code.toLowerCase().replace("-", " "), birthDates[1], "beatriz.new", "beatriz@example.org", NEW_PASSWORD)
                .headers().firstValue("Location")).as("typed in lower case with spaces, the code still works")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?registered"));
    }

    @Test
    void aCodeWorksOnceOnlyAndNotAfterItExpiresOrANewerOneIsIssued() {
        String first = issueCode(patients[2]);
        String second = issueCode(patients[2]);
        assertThat(errorOf(signUp(first, birthDates[2], "candy.old", "candy.old@example.org", NEW_PASSWORD).body()))
                .as("voided by the newer code").contains("do not match");

        TestClock.INSTANCE.advance(Duration.ofDays(31));
        assertThat(errorOf(signUp(second, birthDates[2], "candy.late", "candy.late@example.org", NEW_PASSWORD).body())).contains("do not match");

        String third = issueCode(patients[2]);
        assertThat(signUp(third, birthDates[2], "candy.new", "candy@example.org", NEW_PASSWORD).headers().firstValue("Location")).isPresent();
        assertThat(errorOf(signUp(third, birthDates[2], "candy.again", "candy.again@example.org", NEW_PASSWORD).body()))
                .contains("do not match");
        assertThat(errorOf(frontDesk().submit("/staff/activation-codes", "/staff/activation-codes", "patientId=" + patients[2]).body()))
                .as("no code for a record that has an account").contains("already has an account");
    }

    @Test
    void aUsernameOrAddressThatLooksLikeAnExistingOneIsRefusedAndTheCodeStillWorks() {
        people.create("demo.patient", "Dee Patient", PASSWORD, Role.PATIENT);
        people.create("demo.admin", "Dee Admin", PASSWORD, Role.ADMIN);
        people.giveConfirmedEmail("demo.patient", "demo.patient@example.org");
        String code = issueCode(patients[3]);
        String taken = errorOf(signUp(code, birthDates[3], "demo.patient", "cedric@example.org", NEW_PASSWORD).body());
        assertThat(taken).isEqualTo("That username is taken.");

        for (String lookAlike : List.of("demo.\u0251dmin", "demo.adm\u0131n", "demo.p\u0251tient")) {
            HttpResponse<String> refused = signUp(code, birthDates[3], lookAlike, "cedric@example.org", NEW_PASSWORD);
            assertThat(errorOf(refused.body())).as(lookAlike).isEqualTo(taken);
            assertThat(accounts.exists(lookAlike)).as(lookAlike).isFalse();
        }
        for (String mixed : List.of("demo.p\u0430tient", "d\u0435mo.patient", "dem\u03bf.admin", "\u0430dmin")) {
            HttpResponse<String> refused = signUp(code, birthDates[3], mixed, "cedric@example.org", NEW_PASSWORD);
            assertThat(errorOf(refused.body())).as(mixed).contains("must not mix scripts");
            assertThat(refused.body()).as("what was typed is kept").contains("value=\"cedric@example.org\"");
            assertThat(accounts.exists(mixed)).as(mixed).isFalse();
        }
        String addressTaken = errorOf(signUp(code, birthDates[3], "cedric.new", "demo.patient@example.org", NEW_PASSWORD).body());
        assertThat(addressTaken).isEqualTo("Another account uses that email address.");
        assertThat(errorOf(signUp(code, birthDates[3], "cedric.new", "demo.p\u0251tient@example.org", NEW_PASSWORD).body()))
                .isEqualTo(addressTaken);
        assertThat(errorOf(signUp(code, birthDates[3], "cedric.new", "demo.p\u0430tient@example.org", NEW_PASSWORD).body()))
                .contains("without mixing scripts");
        assertThat(accounts.exists("cedric.new")).isFalse();

        assertThat(signUp(code, birthDates[3], "cedric.new", "cedric@example.org", NEW_PASSWORD).headers().firstValue("Location"))
                .as("the refusals used nothing up").hasValueSatisfying(location -> assertThat(location).endsWith("/signin?registered"));
    }

    @Test
    void onlyFrontDeskAndAdministratorsIssueCodes() {
        people.create("nosy.patient", "Nora Nosy", PASSWORD, Role.PATIENT);
        PortalClient patient = new PortalClient(port);
        patient.signIn("nosy.patient", PASSWORD);

        assertThat(patient.get("/staff/activation-codes").statusCode()).isEqualTo(403);
        assertThat(new PortalClient(port).get("/staff/activation-codes").statusCode()).isEqualTo(302);
        assertThat(errorOf(frontDesk().submit("/staff/activation-codes", "/staff/activation-codes", "patientId=" + UUID.randomUUID()).body()))
                .contains("no patient record");
    }

    private String issueCode(UUID patient) {
        Matcher code = CODE.matcher(frontDesk().submit("/staff/activation-codes", "/staff/activation-codes", "patientId=" + patient).body());
        assertThat(code.find()).as("the code is shown").isTrue();
        return code.group(1);
    }

    private HttpResponse<String> signUp(String code, LocalDate birthDate, String username, String email, String password) {
        return new PortalClient(port).submit("/signup", "/signup", "code=" + encode(code) + "&birthDate=" + birthDate + "&username="
                + encode(username) + "&email=" + encode(email) + "&password=" + encode(password) + "&confirmPassword=" + encode(password));
    }

    private static String errorOf(String page) {
        Matcher error = Pattern.compile("<div class=\"alert alert--error\" role=\"alert\">([^<]*)</div>").matcher(page);
        return error.find() ? error.group(1) : "";
    }

    private static String confirmationLink(String address) {
        return TestMail.linkIn(address, CONFIRM);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
