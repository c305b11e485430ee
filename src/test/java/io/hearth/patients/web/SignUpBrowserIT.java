package io.hearth.patients.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.fhir.FhirImport;
import io.hearth.patients.PatientActivation;
import io.hearth.records.PatientIdentities;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestClock;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.SignInPage;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Sign-up with an activation code, through authenticator-app enrolment, to the home page, in Chromium. */
@PortalTest
class SignUpBrowserIT {

    static final String PASSWORD = "orchard-sextant-plume-64";

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    PatientIdentities identities;

    @Autowired
    PatientActivation activation;

    @Test
    void aPatientSignsUpWithTheirCodeEnrolsTheirAuthenticatorAndArrivesHome() throws Exception {
        UUID patient;
        try (InputStream in = Files.newInputStream(SyntheaBundles.patient("Jonathan639"))) {
            patient = fhirImport.importBundle(in, "test").patients().iterator().next();
        }
        LocalDate birthDate = identities.of(patient).orElseThrow().birthDate();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("front.desk", null, "ROLE_FRONT_DESK"));
        String code = activation.issueCode(patient);
        SecurityContextHolder.clearContext();

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            SignInPage.open(browser);
            driver.findElement(By.linkText("New here? Open your account with the code from the practice")).click();
            browser.waitFor(By.id("signup-heading"));
            browser.assertAccessible();
            driver.findElement(By.id("code")).sendKeys(code);
            // Chromium's date input takes the digits in the locale's order (en-US: month, day, year)
            driver.findElement(By.id("birthDate")).sendKeys(birthDate.format(DateTimeFormatter.ofPattern("MMddyyyy")));
            driver.findElement(By.id("username")).sendKeys("jonathan.new");
            driver.findElement(By.id("email")).sendKeys("jonathan@example.org");
            driver.findElement(By.id("password")).sendKeys("jonathan.new1");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.cssSelector("#password-strength p")).getText().contains("must not contain your name"));
            driver.findElement(By.id("password")).clear();
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.cssSelector("#password-strength p")).getText().contains("can be used"));
            browser.assertAccessible();
            driver.findElement(By.id("confirmPassword")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form[action$='/signup'] button[type=submit]")).click();

            browser.waitFor(By.id("signin-heading"));
            assertThat(driver.getPageSource()).contains("Your account is ready");
            driver.findElement(By.id("username")).sendKeys("jonathan.new");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();

            browser.waitFor(By.id("secret"));
            browser.assertAccessible();
            String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
            driver.findElement(By.id("code")).sendKeys(TestAccounts.codeAt(secret, TestClock.INSTANCE.instant()));
            driver.findElement(By.cssSelector("form[action$='/signin/enrol'] button[type=submit]")).click();

            List<String> before = List.of(driver.getCurrentUrl());
            try {
                browser.waitFor(By.linkText("I have saved them, continue"));
            } catch (RuntimeException e) {
                throw new AssertionError("no recovery codes page: " + driver.getCurrentUrl() + " "
                        + driver.findElements(By.cssSelector("[role=alert]")).stream().map(el -> el.getText()).toList(), e);
            }
            driver.findElement(By.linkText("I have saved them, continue")).click();
            browser.waitFor(By.tagName("h1"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as("after " + before).isEqualTo("Welcome, jonathan.new");
        }
    }
}
