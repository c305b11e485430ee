package io.hearth.patients.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.Notice;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.patients.EmailConsent;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email consent: a patient is asked before anything is emailed, every choice lands in the ledger with the version
 * of the words shown, and the outbox sends notices that need consent only to those who agreed; security notices
 * always go.
 */
@PortalTest
class EmailConsentIT {

    static final String PASSWORD = "lantern-orchid-basalt-19";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    Notices notices;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPatientWhoHasNotChosenIsAskedFirstAndGetsOnlySecurityNotices() {
        people.create("undecided.patient", "Una Decided", PASSWORD, Role.PATIENT);
        UUID account = accounts.idOf("undecided.patient").orElseThrow();
        PortalClient client = new PortalClient(port);
        client.signIn("undecided.patient", PASSWORD);

        assertThat(client.get("/").body()).contains("id=\"email-choice\"", "Until you choose, we email you only about the security");
        assertThat(client.get("/my/preferences").body()).contains("Other people may be able to read email",
                "The portal is the secure channel", "You have not chosen yet");

        assertThat(queue(NoticeType.NEW_MESSAGE, account)).as("no choice, no message notice").isFalse();
        assertThat(queue(NoticeType.PASSWORD_CHANGED, account)).as("security notices always").isTrue();
    }

    @Test
    void choicesAreKeptInAnAppendOnlyLedgerAndDecideWhatIsSent() {
        people.create("choosing.patient", "Cho Osing", PASSWORD, Role.PATIENT);
        UUID account = accounts.idOf("choosing.patient").orElseThrow();
        PortalClient client = new PortalClient(port);
        client.signIn("choosing.patient", PASSWORD);
        long recorded = audit.count("CONSENT_RECORDED");

        HttpResponse<String> yes = client.submit("/my/preferences", "/my/preferences/email", "email=yes&textVersion=" + EmailConsent.TEXT_VERSION);
        assertThat(yes.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/my/preferences?saved"));
        assertThat(client.get("/").body()).as("no longer asked").doesNotContain("email-choice");
        assertThat(queue(NoticeType.NEW_MESSAGE, account)).isTrue();

        client.submit("/my/preferences", "/my/preferences/email", "email=no&textVersion=" + EmailConsent.TEXT_VERSION);
        assertThat(queue(NoticeType.NEW_MESSAGE, account)).as("changed their mind").isFalse();
        assertThat(queue(NoticeType.PRACTICE_ANNOUNCEMENT, account)).isFalse();
        assertThat(queue(NoticeType.NEW_DEVICE_SIGN_IN, account)).isTrue();

        String page = client.get("/my/preferences").body();
        assertThat(page).contains("You chose not to get email notices", "Email notices: yes", "Email notices: no");
        assertThat(jdbc.queryForList("select agreed from email_consent where account_id = ? order by seq", Boolean.class, account))
                .containsExactly(true, false);
        assertThat(jdbc.queryForList("select text_version from email_consent where account_id = ?", String.class, account))
                .containsOnly(EmailConsent.TEXT_VERSION);
        assertThat(audit.count("CONSENT_RECORDED")).isEqualTo(recorded + 2);
        if (io.hearth.test.TestDatabase.onPostgres()) { // roles, and so the refusal, exist on PostgreSQL only
            assertThatThrownBy(() -> jdbc.update("update email_consent set agreed = true where account_id = ?", account))
                    .as("the application role cannot rewrite a choice").rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.update("delete from email_consent where account_id = ?", account))
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void aBadOrOutdatedAnswerIsRefusedWithAReasonAndRecordsNothing() {
        people.create("careless.patient", "Cary Less", PASSWORD, Role.PATIENT);
        UUID account = accounts.idOf("careless.patient").orElseThrow();
        PortalClient client = new PortalClient(port);
        client.signIn("careless.patient", PASSWORD);

        HttpResponse<String> neither = client.submit("/my/preferences", "/my/preferences/email", "email=maybe&textVersion=" + EmailConsent.TEXT_VERSION);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("Choose yes or no, then save.");
        HttpResponse<String> outdated = client.submit("/my/preferences", "/my/preferences/email", "email=yes&textVersion=2020-01-v0");
        assertThat(outdated.statusCode()).isEqualTo(400);
        assertThat(outdated.body()).contains("The explanation on this page has changed");

        assertThat(jdbc.queryForObject("select count(*) from email_consent where account_id = ?", Long.class, account)).isZero();
    }

    @Test
    void staffGetWorkNoticesWithoutAChoiceAndOnlyPatientsSeeThePage() {
        people.create("notified.nurse", "Nora Notified", PASSWORD, Role.NURSE);
        UUID nurse = accounts.idOf("notified.nurse").orElseThrow();
        assertThat(queue(NoticeType.NEW_MESSAGE, nurse)).isTrue();
        assertThat(queue(NoticeType.NEW_MESSAGE, UUID.randomUUID())).as("no such account").isFalse();

        PortalClient client = new PortalClient(port);
        client.signIn("notified.nurse", PASSWORD);
        assertThat(client.get("/my/preferences").statusCode()).isEqualTo(403);
        assertThat(client.get("/").body()).doesNotContain("email-choice");
    }

    private boolean queue(NoticeType type, UUID account) {
        return Boolean.TRUE.equals(new TransactionTemplate(transactions).execute(status ->
                notices.queue(new Notice(type, account, "someone@example.test", "Someone", null))));
    }
}
