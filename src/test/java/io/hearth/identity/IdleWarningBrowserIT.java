package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.SignInPage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The idle timeout is made short here (64 s) so the warning, due a minute before the end, shows after about 4 s. */
@PortalTest
@TestPropertySource(properties = "server.servlet.session.timeout=64s")
class IdleWarningBrowserIT {

    static final String PASSWORD = "garnet-pelican-ladder-39";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.open(port);
        people.create("idle.patient", "Idle Patient", PASSWORD, Role.PATIENT);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void aMinuteBeforeTheIdleTimeoutAnAccessibleDialogOffersToStaySignedIn() {
        SignInPage.open(browser).signIn("idle.patient", PASSWORD).enterCurrentCode("idle.patient");

        WebElement dialog = new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("session-warning")));
        assertThat(dialog.getText()).contains("Are you still there?");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus moves to the dialog").isEqualTo("stay-signed-in");
        browser.assertAccessible();

        browser.driver().findElement(By.id("stay-signed-in")).click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(dialog));
        browser.go("/");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("Welcome");
    }
}
