package io.hearth.medications;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.MedicationsPage;
import io.hearth.test.browser.SignInPage;
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

    /** The demo accounts' password and authenticator key: public, printed at start in demo mode and in the README. */
    static final String DEMO_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final String MEDICATION = "Simvastatin";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() throws Exception {
        TestAccounts.knowSecret("demo.patient", DEMO_TOTP_SECRET);
        TestAccounts.knowSecret("demo.provider", DEMO_TOTP_SECRET);
        browser = Browser.open(port);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
    }

    @Test
    void theDemoPatientAsksForARenewalTheDemoProviderApprovesItAndSheSeesItApproved() {
        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");
        MedicationsPage patient = MedicationsPage.fromNavigation(browser);
        assertThat(patient.row(MEDICATION)).contains("Request renewal");
        browser.assertAccessible();
        patient.openRenewal(MEDICATION);
        browser.assertAccessible();
        patient.requestRenewal("Harbor Pharmacy, 12 Quay Street", "I have a week's tablets left.");
        assertThat(patient.text()).contains("Your renewal request was sent", "Waiting for the practice", "Harbor Pharmacy, 12 Quay Street");
        signOut();

        SignInPage.open(browser).signIn("demo.provider", DEMO_PASSWORD).enterCurrentCode("demo.provider");
        MedicationsPage provider = MedicationsPage.queueFromNavigation(browser);
        assertThat(provider.text()).contains("Cedric746", MEDICATION);
        browser.assertAccessible();
        provider.openRequestOf("Cedric746");
        assertThat(provider.text()).contains(MEDICATION, "Harbor Pharmacy, 12 Quay Street", "I have a week's tablets left.");
        browser.assertAccessible();
        provider.approve("30", "1");
        assertThat(provider.text()).contains("Approved");
        signOut();

        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");
        MedicationsPage again = MedicationsPage.fromNavigation(browser);
        assertThat(again.row(MEDICATION)).contains("Renewed on").doesNotContain("waiting");
        browser.assertAccessible();
        browser.driver().findElement(By.partialLinkText(MEDICATION)).click();
        browser.waitFor(By.id("medication-heading"));
        assertThat(again.text()).contains("Approved", "Quantity", "30", "Refills");
    }

    private void signOut() {
        browser.driver().findElement(By.cssSelector("form[action$='/signout'] button")).click();
        browser.waitFor(By.id("signin-heading"));
    }
}
