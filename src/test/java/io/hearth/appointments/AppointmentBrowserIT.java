package io.hearth.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.Keyboard;
import io.hearth.test.browser.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * In Chromium, with the keyboard only: the demo patient books a follow-up visit with her provider (the demo practice's
 * set-up), sees it booked and cancels it; every page on the way is axe-core clean.
 */
@PortalTest
@TestPropertySource(properties = "hearth.demo.enabled=true")
class AppointmentBrowserIT {

    /** The demo accounts' password and authenticator key: public, printed at start in demo mode and in the README. */
    static final String DEMO_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        TestAccounts.knowSecret("demo.patient", DEMO_TOTP_SECRET);
        browser = Browser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void theDemoPatientBooksAVisitWithTheKeyboardOnly() {
        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");
        Keyboard keys = new Keyboard(browser);

        keys.tabTo(By.cssSelector("nav a[href$='/my/appointments']")).press(Keys.ENTER);
        browser.waitFor(By.id("appointments-heading"));
        browser.assertAccessible();

        keys.tabTo(By.id("book-link")).press(Keys.ENTER);
        browser.waitFor(By.id("choose-form"));
        browser.assertAccessible();
        String followUp = browser.driver().findElements(By.cssSelector("input[name=type]")).stream()
                .filter(radio -> browser.driver().findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText()
                        .startsWith("Follow-up visit"))
                .findFirst().orElseThrow().getAttribute("id");
        keys.tabTo(By.cssSelector("input[name=type]"));
        while (!browser.driver().switchTo().activeElement().getAttribute("id").equals(followUp)) {
            keys.press(Keys.ARROW_DOWN); // arrows move within a radio group
        }
        keys.press(Keys.SPACE).tabTo(By.cssSelector("#choose-form button[type=submit]")).press(Keys.ENTER);
        browser.waitFor(By.id("slot-form"));
        assertThat(browser.driver().findElement(By.id("zone-note")).getText()).contains("America/New_York");
        browser.assertAccessible();

        keys.tabTo(By.id("next-week")).press(Keys.ENTER); // a week ahead: well before the cancellation cut-off
        browser.waitFor(By.id("slot-form"));
        keys.tabTo(By.cssSelector("#slot-form input[name=start]")).press(Keys.SPACE);
        String chosen = browser.driver().switchTo().activeElement().getAttribute("value");
        keys.tabTo(By.id("reason")).type("Follow-up on my blood pressure");
        keys.tabTo(By.id("book-button")).press(Keys.ENTER);
        browser.waitFor(By.id("appointment-facts"));
        assertThat(browser.driver().findElement(By.id("done")).getText()).contains("booked");
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("Booked");
        assertThat(chosen).isNotBlank();
        browser.assertAccessible();

        keys.tabTo(By.id("cancel-button")).press(Keys.ENTER);
        browser.waitFor(By.id("done"));
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("Cancelled");
    }
}
