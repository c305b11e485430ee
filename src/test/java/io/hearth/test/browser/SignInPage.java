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

    /** Signs in with the passkey the browser's (virtual) authenticator holds: no username, password or code. */
    public HomePage signInWithPasskey() {
        clickPasskey();
        browser.waitFor(By.id("home-heading"));
        return new HomePage(browser);
    }

    /** Clicks "Sign in with a passkey" and leaves the browser wherever the portal sends it. */
    public void clickPasskey() {
        browser.waitFor(By.cssSelector("#passkey-signin-area:not([hidden])"));
        driver().findElement(By.id("passkey-signin")).click();
    }

    /** A passkey the portal refuses: back on this page with the alert. */
    public SignInPage signInWithPasskeyExpectingFailure() {
        clickPasskey();
        browser.waitFor(By.cssSelector("[role=alert]"));
        return this;
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
