package io.hearth.test.browser;

import org.openqa.selenium.By;

/** The patient's medications and the clinicians' renewal requests. */
public final class MedicationsPage {

    private final Browser browser;

    private MedicationsPage(Browser browser) {
        this.browser = browser;
    }

    /** Follows "Medications" in the patient's navigation. */
    public static MedicationsPage fromNavigation(Browser browser) {
        browser.driver().findElement(By.id("nav-medications")).click();
        browser.waitFor(By.id("medications-heading"));
        return new MedicationsPage(browser);
    }

    /** Follows "Renewal requests" in a clinician's navigation. */
    public static MedicationsPage queueFromNavigation(Browser browser) {
        browser.driver().findElement(By.id("nav-renewals")).click();
        browser.waitFor(By.id("queue-heading"));
        return new MedicationsPage(browser);
    }

    /** "Request renewal" on the list, for the medication whose name starts so; its page with the form follows. */
    public MedicationsPage openRenewal(String medicationStart) {
        browser.driver().findElement(By.cssSelector("#current-medications a.button[aria-label^='Request renewal of " + medicationStart + "']")).click();
        browser.waitFor(By.id("renewal-form"));
        return this;
    }

    public MedicationsPage requestRenewal(String pharmacy, String note) {
        browser.driver().findElement(By.id("pharmacy")).sendKeys(pharmacy);
        browser.driver().findElement(By.id("note")).sendKeys(note);
        browser.driver().findElement(By.cssSelector("#renewal-form button[type=submit]")).click();
        browser.waitFor(By.id("pending-request"));
        return this;
    }

    /** Opens the queue's request of this patient. */
    public MedicationsPage openRequestOf(String patientName) {
        browser.driver().findElement(By.partialLinkText(patientName)).click();
        browser.waitFor(By.id("request-heading"));
        return this;
    }

    public MedicationsPage approve(String quantity, String refills) {
        browser.driver().findElement(By.id("quantity")).sendKeys(quantity);
        browser.driver().findElement(By.id("refills")).sendKeys(refills);
        browser.driver().findElement(By.id("approve")).click();
        browser.waitFor(By.id("decision-saved"));
        return this;
    }

    /** The row of the current medication whose name starts so, as text. */
    public MedicationsPage deny(String reason) {
        browser.driver().findElement(By.id("reason")).sendKeys(reason);
        browser.driver().findElement(By.id("deny")).click();
        browser.waitFor(By.id("decision-saved"));
        return this;
    }

    /** The names of the medications whose renewal may be requested here, as their buttons name them. */
    public java.util.List<String> renewable() {
        return browser.driver().findElements(By.cssSelector("#current-medications a.button[aria-label^='Request renewal of ']")).stream()
                .map(link -> link.getAttribute("aria-label").substring("Request renewal of ".length())).toList();
    }

    public String row(String medicationStart) {
        return browser.driver().findElements(By.cssSelector("#current-medications tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().startsWith(medicationStart)).findFirst().orElseThrow().getText();
    }

    public String text() {
        return browser.driver().findElement(By.id("main")).getText();
    }
}
