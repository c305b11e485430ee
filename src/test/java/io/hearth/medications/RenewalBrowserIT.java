package io.hearth.medications;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.DemoSignIn;
import io.hearth.test.browser.MedicationsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * In Chromium: the demo patient asks to renew her active Simvastatin (demo data: Cedric746), the demo provider approves
 * it with a changed quantity, she sees it approved; axe-core finds nothing serious on the pages on the way.
 */
@PortalTest
@TestPropertySource(properties = "hearth.demo.enabled=true")
class RenewalBrowserIT {

    static final String MEDICATION = "Simvastatin";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void theDemoPatientAsksForARenewalTheDemoProviderApprovesItAndSheSeesItApproved() {
        DemoSignIn.as(browser, "demo.patient");
        MedicationsPage patient = MedicationsPage.fromNavigation(browser);
        assertThat(patient.row(MEDICATION)).contains("Request renewal");
        browser.assertAccessible();
        patient.openRenewal(MEDICATION);
        browser.assertAccessible();
        patient.requestRenewal("Harbor Pharmacy, 12 Quay Street", "I have a week's tablets left.");
        assertThat(patient.text()).contains("Your renewal request was sent", "Waiting for the practice", "Harbor Pharmacy, 12 Quay Street");
        DemoSignIn.signOut(browser);

        DemoSignIn.as(browser, "demo.provider");
        MedicationsPage provider = MedicationsPage.queueFromNavigation(browser);
        assertThat(provider.text()).contains("Cedric746", MEDICATION);
        browser.assertAccessible();
        provider.openRequestOf("Cedric746");
        assertThat(provider.text()).contains(MEDICATION, "Harbor Pharmacy, 12 Quay Street", "I have a week's tablets left.");
        browser.assertAccessible();
        provider.approve("30", "1");
        assertThat(provider.text()).contains("Approved");
        DemoSignIn.signOut(browser);

        DemoSignIn.as(browser, "demo.patient");
        MedicationsPage again = MedicationsPage.fromNavigation(browser);
        assertThat(again.row(MEDICATION)).contains("Renewed on").doesNotContain("waiting");
        browser.assertAccessible();
        browser.driver().findElement(By.partialLinkText(MEDICATION)).click();
        browser.waitFor(By.id("medication-heading"));
        assertThat(again.text()).contains("Approved", "Quantity", "30", "Refills");
    }

    @Test
    void theDemoProviderDeclinesARenewalWithAReasonAndThePatientReadsIt() {
        DemoSignIn.as(browser, "demo.patient");
        MedicationsPage patient = MedicationsPage.fromNavigation(browser);
        String other = patient.renewable().stream().filter(name -> !name.startsWith(MEDICATION)).findFirst().orElseThrow();
        patient.openRenewal(other);
        patient.requestRenewal("Harbor Pharmacy, 12 Quay Street", "");
        DemoSignIn.signOut(browser);

        DemoSignIn.as(browser, "demo.provider");
        MedicationsPage provider = MedicationsPage.queueFromNavigation(browser);
        provider.openRequestOf("Cedric746");
        assertThat(provider.text()).contains(other);
        provider.deny("Your iron levels are normal now; please stop taking it.");
        assertThat(provider.text()).contains("Not approved");
        DemoSignIn.signOut(browser);

        DemoSignIn.as(browser, "demo.patient");
        MedicationsPage again = MedicationsPage.fromNavigation(browser);
        assertThat(again.row(other)).containsIgnoringCase("not approved");
        browser.driver().findElement(By.partialLinkText(other)).click();
        browser.waitFor(By.id("medication-heading"));
        assertThat(again.text()).contains("Your iron levels are normal now; please stop taking it.");
        browser.assertAccessible();
    }
}
