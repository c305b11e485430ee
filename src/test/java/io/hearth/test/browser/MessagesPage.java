package io.hearth.test.browser;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The message pages, for patients and staff alike: the list or inbox, a new message, a thread. */
public final class MessagesPage {

    private final Browser browser;

    private MessagesPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Messages" in the main navigation (patient or staff). */
    public static MessagesPage fromNavigation(Browser browser) {
        browser.driver().findElement(By.cssSelector("#nav-messages, #nav-staff-messages")).click();
        browser.waitFor(By.cssSelector("#messages-heading, #inbox-heading"));
        return new MessagesPage(browser);
    }

    /** The unread count beside "Messages" in the navigation, or 0 when there is no badge. */
    public static int unreadBadge(Browser browser) {
        var badges = browser.driver().findElements(By.id("unread-badge"));
        return badges.isEmpty() ? 0 : Integer.parseInt(badges.get(0).getText().strip());
    }

    public MessagesPage write(String subject, String body, Path attachment) {
        browser.driver().findElement(By.id("new-message")).click();
        browser.waitFor(By.id("new-message-form"));
        new Select(browser.driver().findElement(By.id("pool"))).selectByIndex(0);
        browser.driver().findElement(By.id("subject")).sendKeys(subject);
        browser.driver().findElement(By.id("body")).sendKeys(body);
        if (attachment != null) {
            browser.driver().findElement(By.id("files")).sendKeys(attachment.toAbsolutePath().toString());
        }
        browser.driver().findElement(By.cssSelector("#new-message-form button[type=submit]")).click();
        browser.waitFor(By.id("thread-heading"));
        return this;
    }

    public MessagesPage openThread(String subject) {
        browser.driver().findElement(By.linkText(subject)).click();
        browser.waitFor(By.id("thread-heading"));
        return this;
    }

    public MessagesPage reply(String body) {
        browser.driver().findElement(By.id("body")).sendKeys(body);
        browser.driver().findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        browser.waitFor(By.id("thread-heading"));
        return this;
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return browser.driver().findElement(By.id("main")).getText();
    }

    /** The download links of the thread's attachments. */
    public java.util.List<WebElement> attachments() {
        return browser.driver().findElements(By.cssSelector("a.attachment-link"));
    }
}
