package io.hearth.test.browser;

import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import java.time.Duration;
import org.openqa.selenium.By;

public final class SecondFactorPage {

    private final Browser browser;

    SecondFactorPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(By.id("second-factor-heading"));
    }

    /** "Email me a code"; the page says it was sent. */
    public SecondFactorPage askForEmailCode() {
        browser.driver().findElement(By.cssSelector("#email-code button[type=submit]")).click();
        browser.waitFor(By.cssSelector("[role=status]"));
        return new SecondFactorPage(browser);
    }

    public String status() {
        return browser.driver().findElement(By.cssSelector("[role=status]")).getText();
    }

    /** What the code field holds (e.g. filled in from an emailed link). */
    public String code() {
        return browser.driver().findElement(By.id("code")).getDomProperty("value");
    }

    /** Submits the code field as it is. */
    public HomePage submit() {
        browser.driver().findElement(By.cssSelector("form[action$='/signin/second-factor'] button[type=submit]")).click();
        browser.waitFor(By.id("home-heading"));
        return new HomePage(browser);
    }

    /** The page an emailed code's link opens (same session). */
    public static SecondFactorPage openFromEmailLink(Browser browser, String link) {
        browser.go(java.net.URI.create(link).getRawPath() + "#" + java.net.URI.create(link).getRawFragment());
        return new SecondFactorPage(browser);
    }

    /** Types the code the user's authenticator app shows now. */
    public HomePage enterCurrentCode(String username) {
        browser.driver().findElement(By.id("code")).sendKeys(TestAccounts.currentCode(TestAccounts.secretOf(username)));
        browser.driver().findElement(By.cssSelector("form[action$='/signin/second-factor'] button[type=submit]")).click();
        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        browser.waitFor(By.id("home-heading"));
        return new HomePage(browser);
    }
}
