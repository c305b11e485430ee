package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.browser.Browser;
import io.hearth.test.browser.MessagesPage;
import io.hearth.test.browser.SignInPage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** In Chromium: the demo patient writes to her provider with a PDF attached, he reads it and answers, she reads the answer. */
@PortalTest
@TestPropertySource(properties = "hearth.demo.enabled=true")
class MessagingBrowserIT {

    /** The demo accounts' password and authenticator key: public, printed at start in demo mode and in the README. */
    static final String DEMO_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @LocalServerPort
    int port;

    Browser browser;
    Path pdf;

    @BeforeEach
    void open() throws Exception {
        TestAccounts.knowSecret("demo.patient", DEMO_TOTP_SECRET);
        TestAccounts.knowSecret("demo.provider", DEMO_TOTP_SECRET);
        browser = Browser.open(port);
        pdf = Files.createTempDirectory("hearth-attachment").resolve("blood pressure diary.pdf");
        Files.write(pdf, TestFiles.PDF);
    }

    @AfterEach
    void close() throws Exception {
        browser.close();
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(pdf.getParent());
    }

    @Test
    void theDemoPatientAndTheDemoProviderExchangeMessagesWithAnAttachment() throws Exception {
        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");
        MessagesPage patient = MessagesPage.fromNavigation(browser);
        browser.assertAccessible();
        patient.write("Blood pressure readings", "Here are my readings.\nThey look high in the mornings.", pdf);
        assertThat(patient.heading()).isEqualTo("Blood pressure readings");
        assertThat(patient.text()).contains("Here are my readings.\nThey look high in the mornings.", "blood pressure diary.pdf");
        browser.assertAccessible();
        signOut();

        SignInPage.open(browser).signIn("demo.provider", DEMO_PASSWORD).enterCurrentCode("demo.provider");
        assertThat(MessagesPage.unreadBadge(browser)).isEqualTo(1);
        MessagesPage provider = MessagesPage.fromNavigation(browser);
        browser.assertAccessible();
        provider.openThread("Blood pressure readings");
        assertThat(provider.text()).contains("They look high in the mornings.");
        assertThat(MessagesPage.unreadBadge(browser)).isZero();
        String link = provider.attachments().get(0).getAttribute("href");
        assertThat(download(link)).isEqualTo(TestFiles.PDF);
        browser.assertAccessible();
        provider.reply("Thank you. Please keep measuring for two weeks.");
        assertThat(provider.text()).contains("Please keep measuring for two weeks.");
        signOut();

        SignInPage.open(browser).signIn("demo.patient", DEMO_PASSWORD).enterCurrentCode("demo.patient");
        assertThat(MessagesPage.unreadBadge(browser)).isEqualTo(1);
        MessagesPage.fromNavigation(browser).openThread("Blood pressure readings");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("main")).getText()).contains("Please keep measuring for two weeks.");
        assertThat(MessagesPage.unreadBadge(browser)).isZero();
    }

    private void signOut() {
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("form[action$='/signout'] button")).click();
        browser.waitFor(org.openqa.selenium.By.id("signin-heading"));
    }

    /** The attachment fetched with the browser's own session cookie: what "Download" saves. */
    private byte[] download(String link) {
        PortalClient client = new PortalClient(port);
        String cookie = "__Host-HEARTH=" + browser.sessionCookie();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(client.uri(URI.create(link).getRawPath())).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        return response.body();
    }
}
