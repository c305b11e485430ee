package io.hearth.test.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

public final class SignInPage {

    private final Browser browser;

    private SignInPage(Browser browser) {
        this.browser = browser;
    }

    public static SignInPage open(Browser browser) {
        browser.go("/signin");
        return attached(browser);
    }

    static SignInPage attached(Browser browser) {
        browser.waitFor(By.id("signin-heading"));
        return new SignInPage(browser);
    }

    public String heading() {
        return driver().findElement(By.tagName("h1")).getText();
    }

    public SignInPage signInExpectingFailure(String username, String password) {
        fill(username, password);
        browser.waitFor(By.cssSelector("[role=alert]"));
        return this;
    }

    /** The password step; the second-factor page follows. */
    public SecondFactorPage signIn(String username, String password) {
        fill(username, password);
        return new SecondFactorPage(browser);
    }

    public String alert() {
        return driver().findElement(By.cssSelector("[role=alert]")).getText();
    }

    private void fill(String username, String password) {
        driver().findElement(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
