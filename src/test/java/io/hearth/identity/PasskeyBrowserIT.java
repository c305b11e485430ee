package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.HomePage;
import io.hearth.test.browser.SecurityPage;
import io.hearth.test.browser.SignInPage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys in Chromium with a virtual platform authenticator. A passkey is bound to the relying party's origin, so
 * here the portal's base URL is the address the browser uses (https://localhost on a port chosen before start).
 */
@PortalTest
class PasskeyBrowserIT {

    static final String PASSWORD = "juniper-falcon-meadow-83";
    static final int PORT = freePort();

    @DynamicPropertySource
    static void baseUrlIsWhereTheBrowserGoes(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("hearth.base-url", () -> "https://localhost:" + PORT);
    }

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    VirtualAuthenticator authenticator;

    @BeforeEach
    void open() throws IOException {
        browser = Browser.open(PORT);
        authenticator = browser.addPasskeyAuthenticator();
    }

    @AfterEach
    void close() throws IOException {
        browser.close();
    }

    @Test
    void aPasskeyAloneSignsInAndARemovedOneNoLonger() {
        String user = account("passkey.patient", Role.PATIENT);
        long added = audit.count("SECOND_FACTOR_CHANGED");

        SecurityPage security = signInWithPasswordAndCode(user);
        browser.assertAccessible();
        SecurityPage.NewPasskeyPage create = security.addPasskey("Work laptop", PASSWORD);
        browser.assertAccessible();
        security = create.create();

        assertThat(security.status()).contains("Your passkey is added");
        assertThat(security.passkeys()).containsExactly("Work laptop");
        assertThat(authenticator.getCredentials()).hasSize(1);
        browser.assertAccessible();
        assertThat(browser.postFromPage("/webauthn/register/options")).as("one password typed adds one passkey").isEqualTo(403);
        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isEqualTo(added + 1);
        assertThat(TestMail.messagesTo(user + "@example.test", 1)).anySatisfy(mail ->
                assertThat(mail.getSubject()).isEqualTo("A way of signing in to your Hearth Family Practice account was changed"));

        long signIns = audit.count("SIGN_IN_SUCCESS");
        security.signOut();
        SignInPage signIn = SignInPage.open(browser);
        browser.assertAccessible();
        String anonymousSession = browser.sessionCookie();
        HomePage home = signIn.signInWithPasskey();

        assertThat(home.heading()).isEqualTo("Welcome, " + user);
        assertThat(browser.sessionCookie()).as("a new session id at sign-in").isNotEqualTo(anonymousSession);
        assertThat(audit.count("SIGN_IN_SUCCESS")).isEqualTo(signIns + 1);
        assertThat(jdbc.queryForObject("select reason from audit_entry where action = 'SIGN_IN_SUCCESS' order by seq desc limit 1", String.class))
                .isEqualTo("FACTOR_WEBAUTHN");

        security = SecurityPage.open(browser).removePasskey("Work laptop", PASSWORD);
        assertThat(security.status()).contains("The passkey is removed");
        assertThat(security.passkeys()).isEmpty();
        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isEqualTo(added + 2);
        security.signOut();

        SignInPage refused = SignInPage.open(browser).signInWithPasskeyExpectingFailure();
        assertThat(refused.alert()).contains("That passkey did not sign you in");
        browser.assertAccessible();
        browser.go("/");
        assertThat(browser.currentPath()).isEqualTo("/signin");
    }

    @Test
    void aWrongPasswordAddsNoPasskey() {
        String user = account("passkey.wrong", Role.NURSE);
        SecurityPage security = signInWithPasswordAndCode(user);

        browser.driver().findElement(By.id("passkeyName")).sendKeys("Phone");
        browser.driver().findElement(By.id("passkeyPassword")).sendKeys("not-my-password-at-all");
        browser.driver().findElement(By.cssSelector("#add-passkey button[type=submit]")).click();

        assertThat(SecurityPage.attached(browser).alert()).isEqualTo("Your password is not right.");
        assertThat(authenticator.getCredentials()).isEmpty();
    }

    @Test
    void aLockedAccountCannotSignInWithItsPasskeyUntilTheLockEnds() {
        String user = account("passkey.locked", Role.PATIENT);
        signInWithPasswordAndCode(user).addPasskeyAndCreate("Phone", PASSWORD).signOut();

        long locks = audit.count("ACCOUNT_LOCKED");
        PortalClient guesser = new PortalClient(PORT);
        for (int i = 0; i < 4; i++) {
            guesser.signInPasswordOnly(user, "wrong-guess-" + i);
        }
        assertThat(audit.count("ACCOUNT_LOCKED")).isEqualTo(locks + 1);

        SignInPage refused = SignInPage.open(browser).signInWithPasskeyExpectingFailure();
        assertThat(refused.alert()).contains("That passkey did not sign you in, or the account is locked");
        browser.go("/");
        assertThat(browser.currentPath()).isEqualTo("/signin");
        audit.awaitChained();
        assertThat(jdbc.queryForMap("select object_id, reason from audit_entry where action = 'SIGN_IN_FAILURE' order by seq desc limit 1"))
                .as("the refused passkey sign-in names the account it belongs to")
                .containsEntry("object_id", jdbc.queryForObject("select cast(id as varchar) from account where username_key = ?", String.class, user))
                .containsEntry("reason", "LockedException");

        TestClock.INSTANCE.advance(Duration.ofMinutes(21));
        assertThat(SignInPage.open(browser).signInWithPasskey().heading()).isEqualTo("Welcome, " + user);
    }

    @Test
    void anExpiredPasswordMustStillBeChangedAfterAPasskeySignIn() {
        String user = account("passkey.expired", Role.PATIENT);
        signInWithPasswordAndCode(user).addPasskeyAndCreate("Phone", PASSWORD).signOut();
        TestClock.INSTANCE.advance(Duration.ofDays(61));

        SignInPage.open(browser).clickPasskey();
        browser.waitFor(By.id("currentPassword"));

        assertThat(browser.currentPath()).isEqualTo("/account/password");
        browser.go("/account/security");
        assertThat(browser.currentPath()).isEqualTo("/account/password");
    }

    @Test
    void aPasskeySessionEndsAtTheAbsoluteTimeout() {
        String user = account("passkey.long", Role.PROVIDER);
        signInWithPasswordAndCode(user).addPasskeyAndCreate("Desk", PASSWORD).signOut();
        SignInPage.open(browser).signInWithPasskey();

        TestClock.INSTANCE.advance(Duration.ofHours(12).plusMinutes(1));
        browser.go("/account/security");

        assertThat(browser.currentPath()).isEqualTo("/signin");
        assertThat(browser.driver().getPageSource()).contains("You were signed out");
    }

    private String account(String username, Role role) {
        people.create(username, "Pat Passkey", PASSWORD, role);
        accounts.changeEmail(username, username + "@example.test");
        return username;
    }

    private SecurityPage signInWithPasswordAndCode(String user) {
        SignInPage.open(browser).signIn(user, PASSWORD).enterCurrentCode(user);
        return SecurityPage.open(browser);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
