package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.HomePage;
import io.hearth.test.browser.SecondFactorPage;
import io.hearth.test.browser.SignInPage;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class SignInBrowserIT {

    static final String PASSWORD = "saffron-kestrel-ladder-26";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.open(port);
        if (!accounts.exists("browser.patient")) {
            people.create("browser.patient", "Browser Patient", PASSWORD, Role.PATIENT);
        }
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void theSignInPageIsAccessibleAndSigningInAndOutWorks() {
        SignInPage signIn = SignInPage.open(browser);
        assertThat(signIn.heading()).isEqualTo("Sign in to your portal");
        browser.assertAccessible();

        SecondFactorPage secondStep = signIn.signIn("browser.patient", PASSWORD);
        browser.assertAccessible();
        HomePage home = secondStep.enterCurrentCode("browser.patient");
        assertThat(home.heading()).isEqualTo("Welcome, browser.patient");
        browser.assertAccessible();

        SignInPage after = home.signOut();
        assertThat(browser.driver().getPageSource()).contains("You are signed out.");
        assertThat(after.heading()).isEqualTo("Sign in to your portal");
    }

    @Test
    void aPatientCanAskForACodeByEmailAndItsLinkFillsItIn() {
        people.create("browser.mailed", "Browser Mailed", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("browser.mailed", "browser.mailed@example.test");

        SecondFactorPage secondStep = SignInPage.open(browser).signIn("browser.mailed", PASSWORD).askForEmailCode();
        assertThat(secondStep.status()).contains("We emailed you a 6-digit code");
        browser.assertAccessible();
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(TestMail.messagesTo("browser.mailed@example.test", 1).get(0));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://portal\\.test/signin/second-factor#code=(\\d{6})").matcher(body);
        assertThat(link.find()).isTrue();

        SecondFactorPage opened = SecondFactorPage.openFromEmailLink(browser, link.group());
        assertThat(opened.code()).isEqualTo(link.group(1));
        assertThat(browser.driver().getCurrentUrl()).as("the code leaves the address bar").doesNotContain("#code");
        assertThat(opened.submit().heading()).isEqualTo("Welcome, browser.mailed");
    }

    @Test
    void aFailedSignInIsAnnouncedAccessibly() {
        SignInPage page = SignInPage.open(browser).signInExpectingFailure("browser.patient", "wrong-password-entirely");

        assertThat(page.alert()).contains("not right");
        browser.assertAccessible();
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        SignInPage.open(browser);

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);

        assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Skip to main content");
    }

    @Test
    void anErrorPageIsAccessible() {
        browser.go("/signin");
        SignInPage.open(browser).signIn("browser.patient", PASSWORD).enterCurrentCode("browser.patient");
        browser.go("/no/such/page");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("We could not find that page");
        browser.assertAccessible();
    }
}
