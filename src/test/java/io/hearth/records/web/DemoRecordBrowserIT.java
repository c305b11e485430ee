package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.records.CareTeams;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.HealthRecordPages;
import io.hearth.test.browser.SignInPage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Demo mode's first start imports the shipped synthetic patients; the demo patient sees their record in Chromium. */
@PortalTest
@TestPropertySource(properties = "hearth.demo.enabled=true")
class DemoRecordBrowserIT {

    /** The demo accounts' password and authenticator key: public, printed at start in demo mode and in the README. */
    static final String DEMO_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    CareTeams careTeams;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    io.hearth.compliance.EmergencyAccess emergencyAccess;

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
    void theDemoProviderIsLinkedToThePractitionerOfTheDemoPatient() {
        UUID patient = accounts.patientOf("demo.patient").orElseThrow();
        UUID practitioner = accounts.practitionerOf("demo.provider").orElseThrow();

        assertThat(careTeams.isInCareTeam(practitioner, patient)).isTrue();
        assertThat(careTeams.patientsOf(practitioner)).contains(patient);
    }

    @Test
    void theDemoPatientSeesTheirSummaryAResultWithRangeAndFlagAndItsTrendChartAllAccessibleAndPrintable() {
        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");

        HealthRecordPages record = HealthRecordPages.summary(browser);
        assertThat(record.heading()).isEqualTo("Your health summary");
        assertThat(record.text()).contains("Cedric746", "Active problems", "Recent vital signs", "Your care team");
        browser.assertAccessible();
        record.printed(true);
        assertThat(record.shows(".site-header")).as("no menu on paper").isFalse();
        assertThat(record.shows(".record__nav")).isFalse();
        assertThat(record.shows("#problems-heading")).isTrue();
        record.printed(false);

        record.results();
        assertThat(record.flaggedRows()).isNotEmpty();
        assertThat(record.flaggedRows().get(0).getText()).containsPattern("High|Low|Abnormal").containsPattern("\\d");
        assertThat(record.text()).contains("Ordered by", "MedlinePlus");
        browser.assertAccessible();
        record.printed(true);
        assertThat(record.shows(".site-header")).isFalse();
        assertThat(record.shows(".pager")).as("no pager on paper").isFalse();
        assertThat(record.shows("tr.row--flagged")).isTrue();
        record.printed(false);

        record.openFirstFlaggedResult();
        assertThat(record.trendChart().getAttribute("role")).isEqualTo("img");
        assertThat(record.trendChart().findElement(By.tagName("title")).getAttribute("textContent")).startsWith("Trend of ");
        assertThat(record.text()).contains("Reference range", "All results of this test").containsPattern("\\d+ results? from ");
        browser.assertAccessible();
        record.printed(true);
        assertThat(record.shows(".site-header")).isFalse();
        assertThat(record.shows("svg.trend__chart")).as("the trend chart prints").isTrue();
        assertThat(record.shows("table.results")).as("with its table").isTrue();
        record.printed(false);
    }

    @Test
    void theDemoProviderFindsTheDemoPatientAmongTheirPatientsAndReadsTheirRecord() {
        SignInPage.open(browser).signIn("demo.provider", DEMO_PASSWORD).enterCurrentCode("demo.provider");

        HealthRecordPages record = HealthRecordPages.staffPatients(browser);
        assertThat(record.text()).contains("Cedric746");
        browser.assertAccessible();

        record.openPatient("Cedric746");
        assertThat(record.heading()).isEqualTo("Health summary");
        assertThat(record.text()).contains("Patient: Cedric746", "Active problems", "Recent vital signs");
        browser.assertAccessible();

        record.results();
        assertThat(record.flaggedRows()).isNotEmpty();
        record.openFirstFlaggedResult();
        assertThat(record.trendChart().getAttribute("role")).isEqualTo("img");
        browser.assertAccessible();
    }

    @Test
    void theDemoProviderOpensAPatientOutsideTheirCareTeamInAnEmergencyAfterTypingTheirCodeAgain() {
        UUID practitioner = accounts.practitionerOf("demo.provider").orElseThrow();
        UUID stranger = jdbc.queryForList("select distinct patient_id from record_entry where patient_id is not null", UUID.class).stream()
                .filter(patient -> !careTeams.isInCareTeam(practitioner, patient)).findFirst().orElseThrow();
        SignInPage.open(browser).signIn("demo.provider", DEMO_PASSWORD).enterCurrentCode("demo.provider");

        browser.go("/staff/patients/" + stranger + "/record");
        browser.waitFor(By.id("break-glass-link"));
        browser.assertAccessible();
        browser.driver().findElement(By.id("break-glass-link")).click();
        browser.waitFor(By.id("break-glass-heading"));
        browser.assertAccessible();
        browser.driver().findElement(By.id("reason-EMERGENCY_TREATMENT")).click();
        browser.driver().findElement(By.id("details")).sendKeys("Chest pain at the front desk");
        browser.driver().findElement(By.id("code")).sendKeys(TestAccounts.currentCode(DEMO_TOTP_SECRET));
        browser.driver().findElement(By.cssSelector("form[action$='/staff/break-glass'] button[type=submit]")).click();
        io.hearth.test.TestClock.INSTANCE.advance(java.time.Duration.ofSeconds(30)); // that code is used up

        HealthRecordPages record = HealthRecordPages.current(browser);
        assertThat(record.heading()).isEqualTo("Health summary");
        assertThat(record.text()).contains("Patient:");
        assertThat(emergencyAccess.active("demo.provider", stranger)).isTrue();
    }
}
