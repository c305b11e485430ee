package io.hearth.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.audit.Actor;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.patients.EmailConsent;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A mass notice: news on every patient's home page, and one PHI-free email per patient who agreed to email. */
@PortalTest
class AnnouncementsIT {

    static final String PASSWORD = "meadow-copper-falcon-73";
    static final String SECRET_TEXT = "Dr. Quill is away; the flu clinic moves to Tuesday.";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    EmailConsent consent;

    @Test
    void anAnnouncementShowsToPatientsAndEmailsOnlyThoseWhoAgreedOneEmailEach() throws Exception {
        people.create("news.admin", "Nell Admin", PASSWORD, Role.ADMIN);
        List<String> agreeing = List.of("news.one", "news.two");
        for (String username : agreeing) {
            people.create(username, "Agnes Agreeing", PASSWORD, Role.PATIENT);
            people.giveConfirmedEmail(username, username + "@example.test");
            consent.record(accounts.idOf(username).orElseThrow(), true, EmailConsent.TEXT_VERSION, Actor.system("test"));
        }
        people.create("news.silent", "Sid Silent", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("news.silent", "news.silent@example.test");
        people.create("news.nurse", "Nat Nurse", PASSWORD, Role.NURSE);
        people.giveConfirmedEmail("news.nurse", "news.nurse@example.test");

        PortalClient admin = new PortalClient(port);
        admin.signIn("news.admin", PASSWORD);
        HttpResponse<String> published = admin.submit("/admin/announcements", "/admin/announcements", form(
                "Closed on <b>Friday</b>", SECRET_TEXT + "\nCall us for anything urgent.", LocalDate.now(io.hearth.test.TestClock.INSTANCE.withZone(ZoneId.of("America/New_York"))).plusDays(3)));
        assertThat(published.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("published=2"));
        assertThat(admin.get("/admin/announcements").body()).contains("Closed on &lt;b&gt;Friday&lt;/b&gt;");

        PortalClient patient = new PortalClient(port);
        patient.signIn("news.silent", PASSWORD);
        assertThat(patient.get("/").body()).contains("News from the practice", "Closed on &lt;b&gt;Friday&lt;/b&gt;", "flu clinic moves")
                .doesNotContain("<b>Friday</b>");
        PortalClient nurse = new PortalClient(port);
        nurse.signIn("news.nurse", PASSWORD);
        assertThat(nurse.get("/").body()).doesNotContain("News from the practice");

        for (String username : agreeing) {
            List<MimeMessage> mails = TestMail.messagesTo(username + "@example.test", 1);
            assertThat(mails).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(mail.getSubject()).doesNotContain("Friday");
            String raw = TestMail.decoded(new String(mail.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(raw).doesNotContain("Friday").doesNotContain("flu").doesNotContain("Quill");
        }
        assertThat(TestMail.messagesTo("news.silent@example.test", 1)).as("did not agree").isEmpty();
        assertThat(TestMail.messagesTo("news.nurse@example.test", 1)).as("not a patient").isEmpty();
    }

    @Test
    void aBadAnnouncementIsRefusedWithItsReasonAndWhatWasTypedIsKept() {
        people.create("careful.admin", "Cal Admin", PASSWORD, Role.ADMIN);
        PortalClient admin = new PortalClient(port);
        admin.signIn("careful.admin", PASSWORD);
        LocalDate tomorrow = LocalDate.now(io.hearth.test.TestClock.INSTANCE.withZone(ZoneId.of("America/New_York"))).plusDays(1);

        HttpResponse<String> noTitle = admin.submit("/admin/announcements", "/admin/announcements", form(" ", "Kept text", tomorrow));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("Write a title.", ">Kept text</textarea>");
        HttpResponse<String> tooLong = admin.submit("/admin/announcements", "/admin/announcements", form("Long", "x".repeat(2001), tomorrow));
        assertThat(tooLong.body()).contains("The text has 2001 characters; at most 2000 fit.");
        HttpResponse<String> past = admin.submit("/admin/announcements", "/admin/announcements", form("Old news", "Text", tomorrow.minusDays(5)));
        assertThat(past.body()).contains("Choose a last day that is still to come.", "value=\"Old news\"");
        HttpResponse<String> noDate = admin.submit("/admin/announcements", "/admin/announcements", "title=T&body=B&lastDay=soon");
        assertThat(noDate.body()).contains("Choose the last day the announcement shows.");
        assertThat(admin.get("/admin/announcements").body()).doesNotContain("Old news</td>");
    }

    @Test
    void onlyAdministratorsPublish() {
        people.create("eager.officer", "Ed Officer", PASSWORD, Role.SECURITY_OFFICER);
        people.create("eager.patient", "Eve Patient", PASSWORD, Role.PATIENT);
        for (String username : List.of("eager.officer", "eager.patient")) {
            PortalClient client = new PortalClient(port);
            client.signIn(username, PASSWORD);
            assertThat(client.get("/admin/announcements").statusCode()).isEqualTo(403);
            assertThat(client.submit("/", "/admin/announcements", form("Hi", "Text", LocalDate.now(io.hearth.test.TestClock.INSTANCE).plusDays(2))).statusCode())
                    .isEqualTo(403);
        }
    }

    private static String form(String title, String body, LocalDate lastDay) {
        return "title=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)
                + "&lastDay=" + lastDay;
    }
}
