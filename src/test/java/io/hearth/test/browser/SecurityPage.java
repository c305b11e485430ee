package io.hearth.test.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The account's sign-in security page: passkeys listed, added (with the password again) and removed. */
public final class SecurityPage {

    private final Browser browser;

    SecurityPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(By.id("security-heading"));
    }

    /** The page the browser is on now (e.g. after a refused form). */
    public static SecurityPage attached(Browser browser) {
        return new SecurityPage(browser);
    }

    public SignInPage signOut() {
        return new HomePage(browser).signOut();
    }

    public static SecurityPage open(Browser browser) {
        browser.go("/account/security");
        return new SecurityPage(browser);
    }

    /** The names of the listed passkeys, in the order shown. */
    public List<String> passkeys() {
        return browser.driver().findElements(By.cssSelector(".passkey-row .passkey-name")).stream().map(WebElement::getText).toList();
    }

    public String status() {
        return browser.driver().findElement(By.cssSelector("[role=status]")).getText();
    }

    public String alert() {
        return browser.driver().findElement(By.cssSelector("[role=alert]")).getText();
    }

    /** Names the passkey and types the password; the page where the browser creates it follows. */
    public NewPasskeyPage addPasskey(String name, String password) {
        browser.driver().findElement(By.id("passkeyName")).sendKeys(name);
        browser.driver().findElement(By.id("passkeyPassword")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#add-passkey button[type=submit]")).click();
        return new NewPasskeyPage(browser);
    }

    /** Adds a passkey through both pages; back on this page once the browser has created it. */
    public SecurityPage addPasskeyAndCreate(String name, String password) {
        return addPasskey(name, password).create();
    }

    public SecurityPage removePasskey(String name, String password) {
        WebElement row = browser.driver().findElements(By.cssSelector(".passkey-row")).stream()
                .filter(candidate -> candidate.findElement(By.cssSelector(".passkey-name")).getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no passkey named " + name));
        row.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        row.findElement(By.cssSelector("button[type=submit]")).click();
        return new SecurityPage(browser);
    }

    /** The page between the password and the browser's passkey prompt. */
    public static final class NewPasskeyPage {

        private final Browser browser;

        NewPasskeyPage(Browser browser) {
            this.browser = browser;
            browser.waitFor(By.id("passkey-new-heading"));
        }

        public SecurityPage create() {
            browser.driver().findElement(By.id("create-passkey")).click();
            browser.waitFor(By.cssSelector("[role=status]"));
            return new SecurityPage(browser);
        }

        /** Clicks create and waits for the error (the browser or the server refused). */
        public String createExpectingFailure() {
            browser.driver().findElement(By.id("create-passkey")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(driver -> driver.findElement(By.id("passkey-error")).isDisplayed());
            return browser.driver().findElement(By.id("passkey-error")).getText();
        }
    }
}
