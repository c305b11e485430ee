package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class SessionsIT {

    static final String PASSWORD = "saffron-glacier-pony-31";
    static final Pattern HANDLE = Pattern.compile("name=\"handle\" value=\"([0-9a-f]{32})\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sessionsLiveInTheDatabaseWithTheirStateEncrypted() {
        people.create("stored.session", "Stella Stored", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("stored.session", PASSWORD);

        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'stored.session'", Long.class))
                .isEqualTo(1);
        List<byte[]> attributes = jdbc.queryForList("""
                select a.attribute_bytes from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = 'stored.session'""", byte[].class);
        assertThat(attributes).isNotEmpty().allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("stored.session").doesNotContain("ROLE_PATIENT").doesNotContain("java."));
    }

    @Test
    void aPageViewRewritesTheSessionRowOnlyWhenItsLastWriteIsHalfAMinuteOld() {
        people.create("quiet.session", "Quinn Quiet", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signIn("quiet.session", PASSWORD);
        String lastAccess = "select last_access_time from spring_session where principal_name = 'quiet.session'";
        long written = jdbc.queryForObject(lastAccess, Long.class);

        HttpResponse<String> home = client.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class)).as("moments later: not rewritten").isEqualTo(written);
        assertThat(home.body()).as("the page's idle warning counts the unrecorded 30 s in (15 min less 30 s)")
                .containsPattern("name=\"hearth-session-timeout\"[^>]*content=\"870\"");

        jdbc.update("update spring_session set last_access_time = last_access_time - 60000 where principal_name = 'quiet.session'");
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class)).as("a minute old: rewritten").isGreaterThan(written);
    }

    @Test
    void aPendingAuthenticatorSecretIsNotReadableInTheDatabase() {
        people.createWithoutSecondFactor("enrolling.now", "Enid Enrolling", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("enrolling.now", PASSWORD);
        Matcher secret = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(client.get("/signin/enrol").body());
        assertThat(secret.find()).isTrue();
        String key = secret.group(1).replace(" ", "");

        List<byte[]> attributes = jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
        assertThat(attributes).isNotEmpty().noneSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains(key));
    }

    @Test
    void aPersonSeesWhereTheyAreSignedInAndSignsOutAnotherBrowser() {
        people.create("two.browsers", "Tomas Twice", PASSWORD, Role.PATIENT);
        PortalClient laptop = new PortalClient(port);
        laptop.signIn("two.browsers", PASSWORD);
        PortalClient phone = new PortalClient(port);
        phone.signIn("two.browsers", PASSWORD);

        String page = laptop.get("/account/sessions").body();
        assertThat(page).contains("This browser");
        List<String> handles = HANDLE.matcher(page).results().map(match -> match.group(1)).toList();
        assertThat(handles).as("one form per other session").hasSize(1);

        HttpResponse<String> ended = laptop.submit("/account/sessions", "/account/sessions/end", "handle=" + handles.get(0));

        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?ended"));
        assertThat(phone.get("/").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/signin"));
        assertThat(laptop.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.count("SESSION_ENDED")).isPositive();
    }

    @Test
    void nobodyCanEndSomeoneElsesSession() {
        people.create("victim.session", "Vera Victim", PASSWORD, Role.PATIENT);
        people.create("curious.session", "Carl Curious", PASSWORD, Role.PATIENT);
        PortalClient victim = new PortalClient(port);
        victim.signIn("victim.session", PASSWORD);
        PortalClient victimElsewhere = new PortalClient(port);
        victimElsewhere.signIn("victim.session", PASSWORD);
        String victimHandle = HANDLE.matcher(victim.get("/account/sessions").body()).results().findFirst().orElseThrow().group(1);
        PortalClient curious = new PortalClient(port);
        curious.signIn("curious.session", PASSWORD);

        HttpResponse<String> attempt = curious.submit("/account/sessions", "/account/sessions/end", "handle=" + victimHandle);

        assertThat(attempt.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?gone"));
        assertThat(victimElsewhere.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeCanSignOutEveryOtherSession() {
        people.create("changing.everywhere", "Chen Everywhere", PASSWORD, Role.NURSE);
        PortalClient here = new PortalClient(port);
        here.signIn("changing.everywhere", PASSWORD);
        PortalClient there = new PortalClient(port);
        there.signIn("changing.everywhere", PASSWORD);

        here.submit("/account/password", "/account/password", "currentPassword=" + PASSWORD
                + "&newPassword=lantern-bicycle-orchid-58&confirmPassword=lantern-bicycle-orchid-58&endOtherSessions=true");

        assertThat(there.get("/").headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/signin"));
        assertThat(here.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeSignsOutEveryOtherSessionWhateverTheFormSendsAndRenewsThisOnesId() {
        String[] fields = { "", "&endOtherSessions=false", "&endOtherSessions=maybe", "&keepOtherSessions=false", "&keepOtherSessions=yes" };
        for (int i = 0; i < fields.length; i++) {
            TwoBrowsers browsers = signedInTwice("password.changer" + i);

            HttpResponse<String> changed = browsers.here().submit("/account/password", "/account/password", "currentPassword=" + PASSWORD
                    + "&newPassword=lantern-bicycle-orchid-58&confirmPassword=lantern-bicycle-orchid-58" + fields[i]);

            assertThat(changed.headers().firstValue("Location")).as(fields[i])
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/?passwordChanged"));
            browsers.assertOnlyHereSignedInUnderANewId(fields[i]);
        }
    }

    @Test
    void aPasswordChangeKeepsTheOtherSessionsOnlyWhenAskedAndStillRenewsThisOnesId() {
        TwoBrowsers browsers = signedInTwice("keeping.elsewhere");

        browsers.here().submit("/account/password", "/account/password", "currentPassword=" + PASSWORD
                + "&newPassword=lantern-bicycle-orchid-58&confirmPassword=lantern-bicycle-orchid-58&keepOtherSessions=true");

        assertThat(browsers.there().get("/").statusCode()).isEqualTo(200);
        assertThat(browsers.here().cookieHeader()).as("a new session id").isNotEqualTo(browsers.cookiesBefore());
        assertThat(browsers.here().get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmailChangeSignsOutEveryOtherSessionUnlessAskedAndRenewsThisOnesId() {
        TwoBrowsers browsers = signedInTwice("moving.address");

        HttpResponse<String> changed = browsers.here().submit("/account/email", "/account/email",
                "newEmail=mo.mover%40example.org&currentPassword=" + PASSWORD);

        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?changed"));
        browsers.assertOnlyHereSignedInUnderANewId("email");
    }

    @Test
    void newRecoveryCodesSignOutEveryOtherSessionUnlessAskedAndRenewThisOnesId() {
        TwoBrowsers browsers = signedInTwice("new.codes");

        HttpResponse<String> codes = browsers.here().submit("/account/security", "/account/security/recovery-codes", "currentPassword=" + PASSWORD);

        assertThat(codes.statusCode()).isEqualTo(200);
        browsers.assertOnlyHereSignedInUnderANewId("recovery codes");
    }

    /** One person signed in from two browsers; the session cookies of the first as they were then. */
    private record TwoBrowsers(PortalClient here, PortalClient there, String cookiesBefore) {

        void assertOnlyHereSignedInUnderANewId(String why) {
            assertThat(there.get("/").headers().firstValue("Location")).as(why + ": signed out there")
                    .hasValueSatisfying(location -> assertThat(location).contains("/signin"));
            assertThat(here.cookieHeader()).as(why + ": a new session id here").isNotEqualTo(cookiesBefore);
            assertThat(here.get("/").statusCode()).as(why + ": still signed in here").isEqualTo(200);
        }
    }

    private TwoBrowsers signedInTwice(String username) {
        people.create(username, "Pia Twice", PASSWORD, Role.PATIENT);
        PortalClient here = new PortalClient(port);
        here.signIn(username, PASSWORD);
        PortalClient there = new PortalClient(port);
        there.signIn(username, PASSWORD);
        return new TwoBrowsers(here, there, here.cookieHeader());
    }
}
