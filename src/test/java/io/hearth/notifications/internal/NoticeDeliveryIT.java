package io.hearth.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.Notice;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.KeyRotation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox through the real stack: PostgreSQL, the shared GreenMail server, the portal's own sender. The
 * background sender is off and the clock is moved by hand, so each test decides exactly when delivery runs.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "hearth.notifications.background=false",
        "hearth.notifications.retry.max-attempts=3",
        "hearth.notifications.retry.first-delay=30s",
        "hearth.notifications.retry.max-delay=10m",
        "hearth.notifications.rate.per-second=5",
        "hearth.notifications.rate.burst=25",
        "hearth.notifications.from=no-reply@portal.test",
        "hearth.practice-name=Harbor Family Practice" })
class NoticeDeliveryIT {

    static final String MARKER_LAST_NAME = "Quillfeatherstone";
    static final String MARKER_BIRTH_DATE = "1961-07-04";
    static final String PASSWORD = "cobalt-thistle-harvest-35";

    @Autowired
    Notices notices;

    @Autowired
    io.hearth.audit.AuditTrail auditTrail;

    @Autowired
    NoticeSender sender;

    final TestClock clock = TestClock.INSTANCE;

    @Autowired
    JavaMailSenderImpl mail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Accounts accounts;

    @Autowired
    io.hearth.patients.EmailConsent consent;

    @Autowired
    KeyRotation keys;

    @Autowired
    FieldCipher cipher;

    @LocalServerPort
    int port;

    @Autowired
    io.hearth.test.TestAccounts people;

    @org.junit.jupiter.api.BeforeEach
    void stopTheClock() {
        clock.freeze();
    }

    @AfterEach
    void smtpBack() {
        mail.setPort(TestMail.server().getSmtp().getPort());
        clock.advance(Duration.ofHours(2)); // lets any leftover of a test become due, then drains it
        while (sender.sendDue().sent() > 0) {
            clock.advance(Duration.ofMinutes(1));
        }
        clock.unfreeze();
    }

    @Test
    void aNoticeQueuedInACommittedTransactionArrivesOnceToOneRecipientWithOnlyFirstNameAndLink() throws Exception {
        String rosa = address("rosa");
        String link = "https://portal.test/messages/4711";

        inTransaction(() -> {
            // the caller knows the patient's full name and date of birth; none of it can reach the email
            UUID account = accounts.create("rosa." + UUID.randomUUID().toString().substring(0, 8), "Rosa " + MARKER_LAST_NAME + " "
                    + MARKER_BIRTH_DATE, PASSWORD.toCharArray(), EnumSet.of(Role.PATIENT));
            consent.record(account, true, io.hearth.patients.EmailConsent.TEXT_VERSION, io.hearth.audit.Actor.system("test"));
            notices.queue(new Notice(NoticeType.NEW_MESSAGE, account, rosa, "Rosa", link));
        });
        assertThat(received(rosa)).as("nothing leaves before the sender runs").isEmpty();

        assertThat(sender.sendDue().sent()).isEqualTo(1);
        assertThat(sender.sendDue().sent()).as("a second run finds nothing to send").isZero();

        List<MimeMessage> mails = received(rosa);
        assertThat(mails).hasSize(1);
        MimeMessage email = mails.get(0);
        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly(rosa);
        assertThat(email.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(email.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(email.getSubject()).isEqualTo("You have a new message at Harbor Family Practice");
        assertThat(email.getFrom()[0].toString()).contains("no-reply@portal.test");
        assertThat(email.getMessageID()).matches("<notice-[0-9a-f-]{36}@portal.test>");
        String raw = raw(email);
        assertThat(raw).contains("Hello Rosa,", link, "Harbor Family Practice")
                .doesNotContain(MARKER_LAST_NAME).doesNotContain(MARKER_BIRTH_DATE).doesNotContain("07/04/1961");
    }

    @Test
    void aNoticeQueuedInARolledBackTransactionIsNeverSent() {
        String eve = address("rolledback");
        long before = rows();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notices.queue(new Notice(NoticeType.PASSWORD_CHANGED, null, eve, "Eve", null));
            status.setRollbackOnly();
        });
        sender.sendDue();

        assertThat(rows()).isEqualTo(before);
        assertThat(received(eve)).isEmpty();
    }

    @Test
    void queueingOutsideATransactionIsAProgrammingError() {
        assertThatThrownBy(() -> notices.queue(new Notice(NoticeType.NEW_MESSAGE, UUID.randomUUID(), address("x"), "X", null)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theAddressNameAndLinkAreEncryptedAtRestAndErasedOnceSent() {
        String rosa = address("atrest");
        inTransaction(() -> notices.queue(new Notice(NoticeType.PASSWORD_RESET, null, rosa, "Rosalind", "https://portal.test/reset/secret-token-123")));
        UUID id = jdbc.queryForObject("select id from notice where status = 'PENDING' order by created_at desc limit 1", UUID.class);

        byte[] stored = jdbc.queryForObject("select recipient_ciphertext from notice where id = ?", byte[].class, id);
        String everything = jdbc.queryForList("select * from notice where id = ?", id).toString()
                + new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain(rosa).doesNotContain("Rosalind").doesNotContain("secret-token-123");

        sender.sendDue();

        assertThat(jdbc.queryForMap("select status, recipient_ciphertext, first_name_ciphertext, link_ciphertext from notice where id = ?", id))
                .containsEntry("status", "SENT").containsEntry("recipient_ciphertext", null)
                .containsEntry("first_name_ciphertext", null).containsEntry("link_ciphertext", null);
        assertThat(received(rosa)).hasSize(1);
    }

    @Test
    void keyRotationReachesThePendingNoticesAndTheyStillGoOut() {
        String rosa = address("rotated");
        inTransaction(() -> notices.queue(new Notice(NoticeType.STAFF_INVITATION, null, rosa, "Rosa", "https://portal.test/invitation/1")));
        UUID id = jdbc.queryForObject("select id from notice where status = 'PENDING' order by created_at desc limit 1", UUID.class);

        keys.rotate();
        keys.reencrypt((done, total) -> { });

        for (String column : List.of("recipient_ciphertext", "first_name_ciphertext", "link_ciphertext")) {
            byte[] value = jdbc.queryForObject("select " + column + " from notice where id = ?", byte[].class, id);
            assertThat(FieldCipher.keyIdOf(value)).as(column).isEqualTo(cipher.primaryKeyId());
        }
        assertThat(sender.sendDue().sent()).isEqualTo(1);
        assertThat(received(rosa)).hasSize(1);
    }

    @Test
    void whenSmtpIsDownTheActionSucceedsAndTheNoticeArrivesExactlyOnceWhenItIsBack(CapturedOutput output) throws Exception {
        String rosa = address("outage");
        mail.setPort(closedPort());

        inTransaction(() -> notices.queue(new Notice(NoticeType.ACCOUNT_LOCKED, null, rosa, "Rosa", null)));
        UUID id = jdbc.queryForObject("select id from notice where status = 'PENDING' order by created_at desc limit 1", UUID.class);

        NoticeSender.Run down = sender.sendDue();
        assertThat(down.sent()).isZero();
        assertThat(down.retrying()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select status, attempts, last_error from notice where id = ?", id))
                .containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("last_error", "java.net.ConnectException");

        mail.setPort(TestMail.server().getSmtp().getPort());
        sender.sendDue();
        assertThat(received(rosa)).as("the server is back, but the retry is not due for 30 s").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.sendDue().sent()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue().sent()).isZero();

        assertThat(received(rosa)).hasSize(1);
        assertThat(jdbc.queryForMap("select status, attempts from notice where id = ?", id))
                .containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(output.getAll()).contains(id.toString(), "ACCOUNT_LOCKED");
        assertThat(output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail"))) // the stand-in SMTP server's own log
                .as("the portal never logs an address").noneMatch(line -> line.contains(rosa));
    }

    @Test
    void theRetriesBackOffExponentiallyAndTheLastFailureIsAudited() {
        String rosa = address("givenup");
        mail.setPort(closedPort());
        inTransaction(() -> notices.queue(new Notice(NoticeType.EMAIL_CONFIRMATION, null, rosa, "Rosa", null)));
        UUID id = jdbc.queryForObject("select id from notice where status = 'PENDING' order by created_at desc limit 1", UUID.class);

        sender.sendDue();
        assertThat(waitAfterAttempt(id)).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        sender.sendDue();
        assertThat(attempts(id)).as("not yet due").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(attempts(id)).isEqualTo(2);
        assertThat(waitAfterAttempt(id)).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        sender.sendDue();

        assertThat(jdbc.queryForMap("select status, attempts, last_error from notice where id = ?", id))
                .containsEntry("status", "FAILED").containsEntry("attempts", 3).containsEntry("last_error", "java.net.ConnectException");
        auditTrail.awaitChained();
        List<java.util.Map<String, Object>> audit = jdbc.queryForList(
                "select actor_id, outcome, object_type, reason from audit_entry where action = 'NOTICE_FAILED' and object_id = ?", id.toString());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor_id", "system:notifications").containsEntry("outcome", "FAILURE")
                .containsEntry("object_type", "notice");
        assertThat(audit.get(0).get("reason").toString()).contains("EMAIL_CONFIRMATION").doesNotContain(rosa).doesNotContain("Rosa");

        mail.setPort(TestMail.server().getSmtp().getPort());
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        assertThat(received(rosa)).as("a failed notice stays failed").isEmpty();
    }

    @Test
    void aMassNoticeGoesAsOneThrottledEmailPerRecipient() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "patient" + i + "-" + batch + "@example.test").toList();
        clock.advance(Duration.ofMinutes(1)); // a full bucket

        inTransaction(() -> recipients.forEach(to -> notices.queue(
                new Notice(NoticeType.PRACTICE_ANNOUNCEMENT, agreed(), to, "Patient", "https://portal.test/news"))));

        long started = System.nanoTime();
        assertThat(sender.sendDue().sent()).as("the burst").isEqualTo(25);
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(sender.sendDue().sent()).as("the bucket is empty").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(sender.sendDue().sent()).as("5 per second").isEqualTo(10);
        clock.advance(Duration.ofSeconds(10));
        assertThat(sender.sendDue().sent()).isEqualTo(15);

        List<MimeMessage> mails = Arrays.stream(TestMail.server().getReceivedMessages())
                .filter(message -> addresses(message).stream().anyMatch(a -> a.contains(batch))).toList();
        assertThat(mails).hasSize(50);
        Set<String> seen = new HashSet<>();
        for (MimeMessage message : mails) {
            assertThat(message.getAllRecipients()).hasSize(1);
            assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(message.getSubject()).isEqualTo("News from Harbor Family Practice");
            seen.add(message.getAllRecipients()[0].toString());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(recipients);
        System.getLogger("notice-mass").log(System.Logger.Level.INFO, "25 notices claimed, rendered, sent and marked in " + burstMillis + " ms");
    }

    @Test
    void administratorsSeeDeliveryStateButNeverAddressesOrLinks() {
        String rosa = address("adminview");
        inTransaction(() -> notices.queue(new Notice(NoticeType.NEW_DEVICE_SIGN_IN, null, rosa, "Rosalind", "https://portal.test/security/77")));
        if (!accounts.exists("admin.notices")) {
            people.create("admin.notices", "Ada Admin", PASSWORD, Role.ADMIN);
            people.create("patient.notices", "Pat Patient", PASSWORD, Role.PATIENT);
            people.create("provider.notices", "Dr. Pro Vider", PASSWORD, Role.PROVIDER);
        }

        PortalClient admin = new PortalClient(port);
        admin.signIn("admin.notices", PASSWORD);
        HttpResponse<String> page = admin.get("/admin/notices");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Email notices", "New device sign in", "Waiting", "America/New_York")
                .doesNotContain(rosa).doesNotContain("Rosalind").doesNotContain("security/77").doesNotContain("style=")
                .as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)");

        for (String user : List.of("patient.notices", "provider.notices")) {
            PortalClient other = new PortalClient(port);
            other.signIn(user, PASSWORD);
            assertThat(other.get("/admin/notices").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new PortalClient(port).get("/admin/notices").statusCode()).as("anonymous is sent to sign in").isEqualTo(302);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from notice", Long.class);
    }

    private int attempts(UUID id) {
        return jdbc.queryForObject("select attempts from notice where id = ?", Integer.class, id);
    }

    private Duration waitAfterAttempt(UUID id) {
        var row = jdbc.queryForMap("select last_attempt_at, next_attempt_at from notice where id = ?", id);
        return Duration.between(instant(row.get("last_attempt_at")), instant(row.get("next_attempt_at")));
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (java.time.Instant) value;
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static List<MimeMessage> received(String address) {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(message -> addresses(message).contains(address)).toList();
    }

    static List<String> addresses(MimeMessage message) {
        try {
            return message.getAllRecipients() == null ? List.of()
                    : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return decoded(out.toString(StandardCharsets.UTF_8));
    }

    /** The raw message with quoted-printable soft breaks and escapes undone, so markers cannot hide in encoding. */
    static String decoded(String raw) {
        return io.hearth.test.TestMail.decoded(raw);
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A recipient who agreed to email notices. */
    private UUID agreed() {
        UUID account = UUID.randomUUID();
        consent.record(account, true, io.hearth.patients.EmailConsent.TEXT_VERSION, io.hearth.audit.Actor.system("test"));
        return account;
    }
}
