package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.HomePage;
import io.hearth.test.browser.SignInPage;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In Chromium: the lockout after four failures and its end twenty minutes later, and a reset by the emailed link. */
@PortalTest
class LockoutAndResetBrowserIT {

    static final String PASSWORD = "juniper-anvil-meadow-39";
    static final Pattern RESET_PATH = Pattern.compile("https://portal\\.test(/signin/reset\\?token=[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void fourFailuresLockTheAccountEvenAgainstTheRightPasswordUntilTwentyMinutesPass() {
        people.create("browser.locked", "Lena Locked", PASSWORD, Role.PATIENT);
        for (int i = 0; i < 4; i++) {
            assertThat(SignInPage.open(browser).signInExpectingFailure("browser.locked", "not-the-password-" + i).alert()).contains("not right");
        }

        SignInPage locked = SignInPage.open(browser).signInExpectingFailure("browser.locked", PASSWORD);
        assertThat(locked.alert()).as("the same answer as a wrong password").contains("not right");
        browser.assertAccessible();

        TestClock.INSTANCE.advance(Duration.ofMinutes(20).plusSeconds(1));
        HomePage home = SignInPage.open(browser).signIn("browser.locked", PASSWORD).enterCurrentCode("browser.locked");
        assertThat(home.heading()).isEqualTo("Welcome, browser.locked");
    }

    @Test
    void aForgottenPasswordIsResetByTheEmailedLinkAndTheSecondFactorIsStillAsked() {
        people.create("browser.forgetful", "Fiona Forgetful", PASSWORD, Role.PATIENT);
        accounts.changeEmail("browser.forgetful", "fiona@example.test");

        SignInPage.open(browser);
        browser.driver().findElement(By.linkText("Forgot your password?")).click();
        browser.waitFor(By.id("name"));
        browser.assertAccessible();
        browser.driver().findElement(By.id("name")).sendKeys("fiona@example.test");
        browser.driver().findElement(By.cssSelector("form[action$='/signin/forgot'] button[type=submit]")).click();
        browser.waitFor(By.cssSelector("[role=status]"));

        browser.go(TestMail.linkIn("fiona@example.test", RESET_PATH));
        browser.waitFor(By.id("newPassword"));
        browser.assertAccessible();
        String fresh = "tundra-violet-saddle-48";
        browser.driver().findElement(By.id("newPassword")).sendKeys(fresh);
        browser.driver().findElement(By.id("confirmPassword")).sendKeys(fresh);
        browser.driver().findElement(By.cssSelector("form[action$='/signin/reset'] button[type=submit]")).click();
        browser.waitFor(By.id("signin-heading"));
        assertThat(browser.driver().getPageSource()).contains("Your password is changed");

        HomePage home = SignInPage.open(browser).signIn("browser.forgetful", fresh).enterCurrentCode("browser.forgetful");
        assertThat(home.heading()).isEqualTo("Welcome, browser.forgetful");
    }
}
