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

    /** Types the code the user's authenticator app shows now. */
    public HomePage enterCurrentCode(String username) {
        browser.driver().findElement(By.id("code")).sendKeys(TestAccounts.currentCode(TestAccounts.secretOf(username)));
        browser.driver().findElement(By.cssSelector("form[action$='/signin/second-factor'] button[type=submit]")).click();
        TestClock.INSTANCE.advance(Duration.ofSeconds(30));
        browser.waitFor(By.id("home-heading"));
        return new HomePage(browser);
    }
}
