package io.hearth.test.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The health record pages: summary, lab results, one result with its trend; the patient's own, or a patient's opened
 * by a clinician from their list of patients.
 */
public final class HealthRecordPages {

    private final Browser browser;

    private HealthRecordPages(Browser browser) {
        this.browser = browser;
    }

    public static HealthRecordPages summary(Browser browser) {
        browser.go("/my/record");
        browser.waitFor(By.id("summary-heading"));
        return new HealthRecordPages(browser);
    }

    /** The summary the browser is being sent to (e.g. after emergency access was granted). */
    public static HealthRecordPages current(Browser browser) {
        browser.waitFor(By.id("summary-heading"));
        return new HealthRecordPages(browser);
    }

    /** A clinician's list of the patients of their care team. */
    public static HealthRecordPages staffPatients(Browser browser) {
        browser.driver().findElement(By.cssSelector("nav a[href='/staff/patients']")).click();
        browser.waitFor(By.id("patients-heading"));
        return new HealthRecordPages(browser);
    }

    /** From the list of patients, opens the summary of the patient whose name contains this. */
    public HealthRecordPages openPatient(String name) {
        browser.driver().findElement(By.partialLinkText(name)).click();
        browser.waitFor(By.id("summary-heading"));
        return this;
    }

    public HealthRecordPages results() {
        browser.driver().findElement(By.cssSelector("a[href$='/results']")).click();
        browser.waitFor(By.id("results-heading"));
        return this;
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return browser.driver().findElement(By.id("main")).getText();
    }

    /** The rows of the results tables that carry a high, low or abnormal flag. */
    public List<WebElement> flaggedRows() {
        return browser.driver().findElements(By.cssSelector("tr.row--flagged"));
    }

    /** Opens the test of the first flagged row: its result, range and trend chart. */
    public HealthRecordPages openFirstFlaggedResult() {
        flaggedRows().get(0).findElement(By.cssSelector("th a")).click();
        browser.waitFor(By.id("result-heading"));
        return this;
    }

    public WebElement trendChart() {
        return browser.driver().findElement(By.cssSelector("svg.trend__chart"));
    }

    /** Shows the page as it prints (Chromium's print media emulation), or back on screen. */
    public HealthRecordPages printed(boolean print) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", print ? "print" : ""));
        return this;
    }

    /** Whether the element with this selector is shown (false when there is none). */
    public boolean shows(String cssSelector) {
        return browser.driver().findElements(By.cssSelector(cssSelector)).stream().anyMatch(WebElement::isDisplayed);
    }
}
