package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.messaging.internal.AttachmentTypes;
import io.hearth.messaging.internal.MessageNotices;
import io.hearth.records.HealthRecords;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Messaging through the real stack (HTTPS, PostgreSQL, GreenMail): two patients, each with a provider of their own
 * care team, a billing clerk and a front-desk clerk.
 */
@PortalTest
@TestPropertySource(properties = "hearth.messaging.staff-notice-interval=10m")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingIT {

    static final String PASSWORD = "copper-meadow-violin-58";
    static final Pattern THREAD = Pattern.compile("/my/messages/([0-9a-f-]{36})");
    static final Pattern ATTACHMENT = Pattern.compile("/attachments/([0-9a-f-]{36})");

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    HealthRecords records;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    io.hearth.test.TestRecords testRecords;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageNotices messageNotices;

    UUID ada;
    UUID ben;
    UUID cy;

    @BeforeAll
    void patientsAndStaff() {
        ada = importPatient("ada", "Ada", "Quill", "111");
        ben = importPatient("ben", "Ben", "Rook", "222");
        cy = importPatient("cy", "Cy", "Vane", "333", "111"); // 333 has no account; dr.one (111) also cares for Cy
        people.create("cy.patient", "Cy Vane", PASSWORD, Role.PATIENT);
        accounts.linkPatient("cy.patient", cy);
        people.create("ada.patient", "Ada Quill", PASSWORD, Role.PATIENT);
        accounts.linkPatient("ada.patient", ada);
        people.giveConfirmedEmail("ada.patient", "ada@mail.test");
        people.agreeToEmail("ada.patient");
        people.create("ben.patient", "Ben Rook", PASSWORD, Role.PATIENT);
        accounts.linkPatient("ben.patient", ben);
        people.giveConfirmedEmail("ben.patient", "ben@mail.test");
        people.agreeToEmail("ben.patient");
        staff("dr.one", "Dr. Una One", "111", Role.PROVIDER);
        staff("dr.two", "Dr. Tom Two", "222", Role.PROVIDER);
        staff("billing.one", "Bill Ledger", null, Role.BILLING);
        staff("desk.one", "Desk Clerk", null, Role.FRONT_DESK);
    }

    @Test
    void repliesSentToOneThreadAtTheSameMomentAreAllKept() throws Exception {
        PortalClient patient = signedIn("ada.patient");
        PortalClient provider = signedIn("dr.one");
        HttpResponse<String> first = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "CARE_TEAM:" + practitioner("111"))
                .field("subject", "Busy thread " + UUID.randomUUID()).field("body", "Opening").post(patient, "/my/messages");
        UUID thread = UUID.fromString(match(THREAD, first.headers().firstValue("Location").orElseThrow()));
        List<java.util.concurrent.Callable<HttpResponse<String>>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MessageForm hers = MessageForm.from(patient.get("/my/messages/" + thread).body()).field("body", "Her reply " + i);
            MessageForm his = MessageForm.from(provider.get("/staff/messages/" + thread).body()).field("body", "His reply " + i);
            replies.add(() -> hers.post(patient, "/my/messages/" + thread));
            replies.add(() -> his.post(provider, "/staff/messages/" + thread));
        }

        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(replies.size());
        try {
            for (java.util.concurrent.Future<HttpResponse<String>> answer : senders.invokeAll(replies)) {
                assertThat(answer.get().statusCode()).as("each reply sent, none lost to the others").isEqualTo(302);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from message where thread_id = ?", Long.class, thread)).isEqualTo(7);
    }

    // ---- a whole conversation ------------------------------------------------------------------------------------

    @Test
    void aPatientAndHerProviderTalkWithAnAttachmentAndUnreadCountsFollow() throws Exception {
        PortalClient patient = signedIn("ada.patient");
        PortalClient provider = signedIn("dr.one");
        quietInterval();
        int before = mailTo("dr.one@practice.test").size();
        int unreadBefore = unread(provider.get("/staff/messages"));

        String subject = "Swollen ankle " + UUID.randomUUID();
        String body = "It hurts when I walk.\nSince Tuesday.";
        HttpResponse<String> sent = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "CARE_TEAM:" + practitioner("111"))
                .field("subject", subject).field("body", body).file("lab letter.pdf", TestFiles.PDF).post(patient, "/my/messages");
        assertThat(sent.statusCode()).isEqualTo(302);
        String path = sent.headers().firstValue("Location").orElseThrow().replaceFirst("https://[^/]+", "");
        UUID thread = UUID.fromString(match(THREAD, path));

        assertThat(unreadBadge(patient.get("/my/messages"))).as("her own message is not unread to her").isNull();
        HttpResponse<String> inbox = provider.get("/staff/messages");
        assertThat(inbox.body()).contains(subject, "Ada Quill");
        assertThat(unread(inbox)).isEqualTo(unreadBefore + 1);

        HttpResponse<String> opened = provider.get("/staff/messages/" + thread);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("It hurts when I walk.\nSince Tuesday.", "lab letter.pdf");
        assertThat(unread(provider.get("/staff/messages"))).as("cleared once read").isEqualTo(unreadBefore);

        String attachment = match(ATTACHMENT, opened.body());
        HttpResponse<byte[]> download = provider.send(HttpRequest.newBuilder(provider.uri("/staff/messages/attachments/" + attachment)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(TestFiles.PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"lab letter.pdf\"; filename*=UTF-8''lab%20letter.pdf");
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'PHI_VIEW' and outcome = 'SUCCESS' "
                + "and object_type = 'message-attachment' and object_id = ? and patient_id = ?", Long.class, attachment, ada)).isEqualTo(1);

        HttpResponse<String> reply = MessageForm.from(opened.body()).field("body", "Please rest it; see https://portal.test/my/visits and "
                + "https://evil.test/login").post(provider, "/staff/messages/" + thread);
        assertThat(reply.statusCode()).isEqualTo(302);
        assertThat(unreadBadge(patient.get("/my/messages"))).isEqualTo("1");
        HttpResponse<String> herView = patient.get("/my/messages/" + thread);
        assertThat(herView.body()).contains("<a href=\"https://portal.test/my/visits\">https://portal.test/my/visits</a>")
                .doesNotContain("href=\"https://evil.test");
        assertThat(unreadBadge(patient.get("/my/messages"))).isNull();

        // email: the provider was told of her message, she of his reply; nothing of either message reaches an email
        List<MimeMessage> toProvider = mailTo("dr.one@practice.test");
        assertThat(toProvider).hasSize(before + 1);
        List<MimeMessage> toAda = mailTo("ada@mail.test");
        assertThat(toAda).isNotEmpty();
        for (MimeMessage mail : List.of(toProvider.get(toProvider.size() - 1), toAda.get(toAda.size() - 1))) {
            String text = mail.getSubject() + GreenMailUtil.getBody(mail);
            assertThat(text).doesNotContain(subject, "Swollen", "ankle", "hurts", "rest it", "Quill", "lab letter");
            assertThat(mail.getAllRecipients()).hasSize(1);
        }

        // the thread's activity is in Ada's access log
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where patient_id = ? and actor_id = 'dr.one' and action = 'PHI_CHANGE'",
                Long.class, ada)).isPositive();

        // closed: no more replies, and her typed text comes back
        HttpResponse<String> closed = provider.submit("/staff/messages/" + thread, "/staff/messages/" + thread + "/close", "");
        assertThat(closed.statusCode()).isEqualTo(302);
        String closedPage = patient.get("/my/messages/" + thread).body();
        assertThat(closedPage).contains("This conversation is closed").doesNotContain("id=\"reply-form\"");
        HttpResponse<String> late = new MessageForm().field("_csrf", PortalClient.csrfToken(closedPage)).field("formToken", UUID.randomUUID().toString())
                .field("body", "One more thing").post(patient, "/my/messages/" + thread);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("This conversation is closed");
    }

    @Test
    void theAttachmentIsStoredEncryptedAndTheTextsToo() throws Exception {
        PortalClient patient = signedIn("ada.patient");
        UUID thread = start(patient, "BILLING", "Invoice question", "My invoice number is 4711", "letter.pdf", TestFiles.PDF);

        String fileId = jdbc.queryForObject("select a.file_id from message_attachment a join message m on m.id = a.message_id "
                + "where m.thread_id = ?", String.class, thread);
        byte[] onDisk = Files.readAllBytes(Path.of("target/it-data/files").resolve(fileId + ".enc"));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("potassium", "%PDF");
        byte[] subject = jdbc.queryForObject("select subject_ciphertext from message_thread where id = ?", byte[].class, thread);
        byte[] body = jdbc.queryForObject("select body_ciphertext from message where thread_id = ?", byte[].class, thread);
        assertThat(new String(subject, StandardCharsets.ISO_8859_1)).doesNotContain("Invoice");
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("4711");
    }

    // ---- attachments refused -------------------------------------------------------------------------------------

    static final String WEB_PAGE_CODE = "web page code";

    record Refused(String name, byte[] bytes, int status, String says) {
    }

    @Test
    void eachForbiddenKindOfFileIsRefusedAndTheTypedMessageComesBack() {
        PortalClient patient = signedIn("ada.patient");
        for (Refused refused : List.of(new Refused("page.html", TestFiles.HTML, 415, WEB_PAGE_CODE),
                new Refused("image.svg", TestFiles.SVG, 415, WEB_PAGE_CODE),
                new Refused("report.pdf", TestFiles.PDF_HTML_POLYGLOT, 415, WEB_PAGE_CODE),
                new Refused("setup.exe", TestFiles.EXE, 415, "cannot be attached"),
                new Refused("setup.pdf", TestFiles.EXE, 415, "cannot be attached"),
                new Refused("photo.pdf", TestFiles.PNG, 415, "does not match"),
                new Refused("../../etc/passwd.pdf", TestFiles.PDF, 400, "cannot hold a path"),
                new Refused("a\u0000.pdf", TestFiles.PDF, 400, "cannot hold a path"))) {
            assertRefusedWithTheTextKept(patient, refused);
        }
    }

    /** Polyglots whose markup lies past the first 8 KB, each as a real file of its kind. */
    Stream<Arguments> markupBeyondTheFirst8Kb() {
        int head = AttachmentTypes.HEAD_SIZE;
        byte[] photo = TestFiles.photoJpeg(7);
        byte[] script = TestFiles.ascii("<html><script>alert(document.cookie)</script></html>");
        byte[] comment = TestFiles.concat(TestFiles.ascii("Scanned at the front desk. ".repeat(head / 27 + 1)), script);
        return Stream.of(Arguments.of("appended.jpg", TestFiles.concat(photo, script)),
                Arguments.of("commented.jpg", TestFiles.withJpegComment(photo, comment)),
                Arguments.of("letter.pdf", TestFiles.concat(TestFiles.labLetterPdf(7),
                        TestFiles.ascii("<HTML><BODY><SCRIPT>alert(1)</SCRIPT></BODY></HTML>\n%%EOF\n"))),
                // the first 8 KB are read before the rest, so this tag is split between two reads
                Arguments.of("split.pdf", TestFiles.concat(TestFiles.pdfOfSize(head - 4), TestFiles.ascii("<ScRiPt>alert(1)</script>\n%%EOF\n"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markupBeyondTheFirst8Kb")
    void markupAnywhereInAFileIsRefusedNotOnlyInItsFirst8Kb(String name, byte[] bytes) {
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).indexOf("<script"))
                .as("the script lies beyond the first 8 KB").isGreaterThanOrEqualTo(AttachmentTypes.HEAD_SIZE - 4);

        assertRefusedWithTheTextKept(signedIn("ada.patient"), new Refused(name, bytes, 415, WEB_PAGE_CODE));
    }

    @Test
    void realPhotosAndPdfsLargerThan8KbAreStillAcceptedAndServedAsSent() {
        PortalClient patient = signedIn("ada.patient");
        List<byte[]> files = List.of(TestFiles.photoJpeg(11), TestFiles.photoPng(12), TestFiles.labLetterPdf(13));
        assertThat(files).allSatisfy(file -> assertThat(file.length).isGreaterThan(AttachmentTypes.HEAD_SIZE));

        HttpResponse<String> sent = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                .field("subject", "Photos and letter").field("body", "As promised").file("photo.jpg", files.get(0))
                .file("scan.png", files.get(1)).file("letter.pdf", files.get(2)).post(patient, "/my/messages");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String thread = match(THREAD, sent.headers().firstValue("Location").orElseThrow());
        Matcher attachments = ATTACHMENT.matcher(patient.get("/my/messages/" + thread).body());
        List<byte[]> served = new java.util.ArrayList<>();
        while (attachments.find()) {
            served.add(patient.send(HttpRequest.newBuilder(patient.uri("/my/messages/attachments/" + attachments.group(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(files);
    }

    void assertRefusedWithTheTextKept(PortalClient patient, Refused refused) {
        long messages = count("message");
        long attachments = count("message_attachment");
        long files = storedFiles();
        HttpResponse<String> page = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                .field("subject", "About my visit").field("body", "Typed with care & <love>").file(refused.name(), refused.bytes())
                .post(patient, "/my/messages");

        assertThat(page.statusCode()).as(refused.name()).isEqualTo(refused.status());
        assertThat(page.body()).as(refused.name()).contains(refused.says(), "Typed with care &amp; &lt;love&gt;", "value=\"About my visit\"");
        assertThat(count("message")).as(refused.name()).isEqualTo(messages);
        assertThat(count("message_attachment")).as(refused.name()).isEqualTo(attachments);
        assertThat(storedFiles()).as("no file kept for " + refused.name()).isEqualTo(files);
    }

    @Test
    void anOversizedAttachmentIsRefusedWith413BeforeTheBodyIsReadInFull() throws Exception {
        PortalClient patient = signedIn("ada.patient");
        String page = patient.get("/my/messages/new").body();
        long messages = count("message");

        // declared beyond what any message may need: refused before a byte is read
        assertThat(rawPost(patient, "multipart/form-data; boundary=x", 60L * 1024 * 1024, out -> out.write(new byte[1024])))
                .startsWith("HTTP/1.1 413");

        // within the declared limit, but one file of 30 MB: the upload stops at 10 MB
        MessageForm form = MessageForm.from(page).field("pool", "BILLING").field("subject", "Big scan").field("body", "See the scan");
        byte[] head = form.bytes(); // fields only, closing delimiter included; the file part is streamed below
        byte[] fieldsOnly = java.util.Arrays.copyOf(head, head.length - ("--" + boundaryOf(form) + "--\r\n").length());
        long fileSize = 30L * 1024 * 1024;
        String partHead = "--" + boundaryOf(form) + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"scan.pdf\"\r\n\r\n";
        String tail = "\r\n--" + boundaryOf(form) + "--\r\n";
        long total = fieldsOnly.length + partHead.length() + fileSize + tail.length();
        AtomicLong written = new AtomicLong();
        String status = rawPost(patient, form.contentType(), total, out -> {
            out.write(fieldsOnly);
            out.write(partHead.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = TestFiles.pdfOfSize(64 * 1024);
            for (long sentBytes = 0; sentBytes < fileSize; sentBytes += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(written.get()).as("the server stopped reading long before the end").isLessThan(fileSize - 8L * 1024 * 1024);
        assertThat(count("message")).isEqualTo(messages);
    }

    // ---- hostile input -----------------------------------------------------------------------------------------

    @Test
    void scriptInSubjectBodyAndFileNameIsShownAsText() {
        PortalClient patient = signedIn("ada.patient");
        UUID thread = start(patient, "CARE_TEAM:" + practitioner("111"), "<script>alert('subject')</script>",
                "<img src=x onerror=alert('body')>\nline two", "<b onmouseover=alert(1)>x.pdf", TestFiles.PDF);

        for (HttpResponse<String> page : List.of(patient.get("/my/messages"), patient.get("/my/messages/" + thread),
                signedIn("dr.one").get("/staff/messages"), signedIn("dr.one").get("/staff/messages/" + thread))) {
            assertThat(page.body()).doesNotContain("<script>alert", "<img src=x", "<b onmouseover")
                    .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
        }
        String body = patient.get("/my/messages/" + thread).body();
        assertThat(body).contains("&lt;img src=x onerror=alert(&#39;body&#39;)&gt;\nline two", "&lt;b onmouseover=alert(1)&gt;x.pdf");
    }

    @Test
    void sendingWithoutOrWithAWrongCsrfTokenIsRefused() {
        PortalClient patient = signedIn("ada.patient");
        String page = patient.get("/my/messages/new").body();
        long messages = count("message");

        MessageForm missing = new MessageForm().field("formToken", MessageForm.formToken(page)).field("pool", "BILLING").field("subject", "s")
                .field("body", "b");
        MessageForm wrong = new MessageForm().field("_csrf", "not-the-token").field("formToken", UUID.randomUUID().toString())
                .field("pool", "BILLING").field("subject", "s").field("body", "b");
        assertThat(missing.post(patient, "/my/messages").statusCode()).isEqualTo(403);
        assertThat(wrong.post(patient, "/my/messages").statusCode()).isEqualTo(403);
        assertThat(patient.postForm("/staff/messages/" + UUID.randomUUID() + "/close", "").statusCode()).isEqualTo(403);
        assertThat(count("message")).isEqualTo(messages);
    }

    @Test
    void aDoubleSubmitMakesOneMessage() {
        PortalClient patient = signedIn("ada.patient");
        MessageForm form = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK").field("subject", "Parking")
                .field("body", "Where do I park?").file("map.png", TestFiles.PNG);
        long messages = count("message");
        long attachments = count("message_attachment");

        HttpResponse<String> first = form.post(patient, "/my/messages");
        HttpResponse<String> second = form.post(patient, "/my/messages");

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(count("message")).isEqualTo(messages + 1);
        assertThat(count("message_attachment")).isEqualTo(attachments + 1);
    }

    // ---- who may see what --------------------------------------------------------------------------------------

    @Test
    void anotherPatientsThreadAndAttachmentAre404AndAudited() {
        UUID thread = start(signedIn("ada.patient"), "BILLING", "Refund", "Please refund", "receipt.png", TestFiles.PNG);
        String attachment = match(ATTACHMENT, signedIn("ada.patient").get("/my/messages/" + thread).body());
        long denied = denied();

        PortalClient ben = signedIn("ben.patient");
        assertThat(ben.get("/my/messages/" + thread).statusCode()).isEqualTo(404);
        assertThat(ben.get("/my/messages/attachments/" + attachment).statusCode()).isEqualTo(404);
        HttpResponse<String> write = MessageForm.from(ben.get("/my/messages/new").body()).field("body", "hijack").post(ben, "/my/messages/" + thread);
        assertThat(write.statusCode()).isEqualTo(404);
        assertThat(ben.get("/my/messages").body()).doesNotContain("Refund");

        assertThat(denied()).isEqualTo(denied + 3);
        assertThat(jdbc.queryForObject("select count(*) from message where thread_id = ?", Long.class, thread)).isEqualTo(1);
    }

    @Test
    void staffOutsideTheCareTeamOrPoolGet404AndSeeNothingInTheirInbox() {
        PortalClient patient = signedIn("ada.patient");
        UUID careTeam = start(patient, "CARE_TEAM:" + practitioner("111"), "Rash on arm", "It itches", null, null);
        UUID billing = start(patient, "BILLING", "Copay amount", "How much?", null, null);
        UUID prescriptions = start(patient, "PRESCRIPTIONS", "Refill", "Need a refill", null, null);

        PortalClient other = signedIn("dr.two");
        assertThat(other.get("/staff/messages/" + careTeam).statusCode()).isEqualTo(404);
        assertThat(other.get("/staff/messages/" + prescriptions).statusCode()).isEqualTo(404);
        assertThat(other.get("/staff/messages/" + billing).statusCode()).isEqualTo(404);
        assertThat(other.get("/staff/messages").body()).doesNotContain("Rash on arm", "Copay amount", "Refill");

        PortalClient clerk = signedIn("billing.one");
        assertThat(clerk.get("/staff/messages/" + careTeam).statusCode()).isEqualTo(404);
        assertThat(clerk.get("/staff/messages/" + billing).statusCode()).isEqualTo(200);
        assertThat(clerk.get("/staff/messages").body()).contains("Copay amount").doesNotContain("Rash on arm", "Refill");

        PortalClient desk = signedIn("desk.one");
        assertThat(desk.get("/staff/messages/" + billing).statusCode()).isEqualTo(404);
        assertThat(desk.get("/staff/messages?pool=BILLING").body()).doesNotContain("Copay amount");

        PortalClient own = signedIn("dr.one");
        assertThat(own.get("/staff/messages/" + prescriptions).statusCode()).isEqualTo(200);
        assertThat(own.get("/staff/messages?pool=PRESCRIPTIONS&status=OPEN").body()).contains("Refill").doesNotContain("Rash on arm");
        assertThat(own.get("/staff/messages?assignee=none").body()).contains("Refill").doesNotContain("Rash on arm");
        assertThat(own.get("/staff/messages?patient=" + ben).body()).doesNotContain("Refill", "Rash on arm");

        // a patient is never staff, and staff are never patients
        assertThat(patient.get("/staff/messages").statusCode()).isEqualTo(403);
        assertThat(own.get("/my/messages").statusCode()).isEqualTo(403);
    }

    @Test
    void staffReassignOnlyToColleaguesWhoMaySeeTheThread() {
        UUID billing = start(signedIn("ada.patient"), "BILLING", "Statement", "Wrong address on it", null, null);
        PortalClient clerk = signedIn("billing.one");

        assertThat(clerk.submit("/staff/messages/" + billing, "/staff/messages/" + billing + "/assign", "assignee=dr.two").statusCode())
                .isEqualTo(400);
        assertThat(clerk.submit("/staff/messages/" + billing, "/staff/messages/" + billing + "/assign", "assignee=billing.one").statusCode())
                .isEqualTo(302);
        assertThat(clerk.get("/staff/messages?assignee=billing.one").body()).contains("Statement");
    }

    // ---- notices -----------------------------------------------------------------------------------------------

    @Test
    void staffGetAtMostOneNoticePerIntervalAndTheRestWhenItHasPassed() {
        PortalClient patient = signedIn("ada.patient");
        quietInterval();
        int before = mailTo("billing.one@practice.test").size();

        start(patient, "BILLING", "First question", "one", null, null);
        start(patient, "BILLING", "Second question", "two", null, null);
        start(patient, "BILLING", "Third question", "three", null, null);
        assertThat(mailTo("billing.one@practice.test")).hasSize(before + 1);

        quietInterval();
        messageNotices.sendHeldBack();
        List<MimeMessage> after = mailTo("billing.one@practice.test");
        assertThat(after).hasSize(before + 2);
        for (MimeMessage mail : after) {
            assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain("question", "Quill");
        }
    }

    @Test
    void aMessageToAProviderWithoutAnAccountReachesTheRestOfTheCareTeam() {
        PortalClient patient = signedIn("cy.patient");
        quietInterval();
        int before = mailTo("dr.one@practice.test").size();

        UUID thread = start(patient, "CARE_TEAM:" + practitioner("333"), "Follow-up", "After my visit", null, null);

        assertThat(mailTo("dr.one@practice.test")).hasSize(before + 1);
        assertThat(signedIn("dr.one").get("/staff/messages/" + thread).statusCode()).isEqualTo(200);
        assertThat(signedIn("dr.two").get("/staff/messages/" + thread).statusCode()).isEqualTo(404);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    UUID start(PortalClient patient, String pool, String subject, String body, String fileName, byte[] file) {
        MessageForm form = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", pool).field("subject", subject).field("body", body);
        if (fileName != null) {
            form.file(fileName, file);
        }
        HttpResponse<String> sent = form.post(patient, "/my/messages");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return UUID.fromString(match(THREAD, sent.headers().firstValue("Location").orElseThrow()));
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    void staff(String username, String name, String npi, Role role) {
        people.create(username, name, PASSWORD, role);
        people.giveConfirmedEmail(username, username + "@practice.test");
        if (npi != null) {
            accounts.linkPractitioner(username, practitioner(npi));
        }
    }

    UUID practitioner(String npi) {
        return testRecords.practitioner(npi);
    }

    UUID importPatient(String key, String given, String family, String npi) {
        return importPatient(key, given, family, npi, npi);
    }

    UUID importPatient(String key, String given, String family, String npi, String secondNpi) {
        return testRecords.importPatient(key, given, family, npi, secondNpi);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long storedFiles() throws RuntimeException {
        try (var files = Files.list(Path.of("target/it-data/files"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("attachment_")).count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long denied() {
        audit.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where outcome = 'DENIED' and object_type in "
                + "('message-thread', 'message-attachment')", Long.class);
    }

    /** The new-message notices the address has received so far, once the outbox has nothing left to send. */
    List<MimeMessage> mailTo(String address) {
        return TestMail.noticesTo(jdbc, address, "new message");
    }

    /** Lets the staff notice interval pass and sends what it held back, so a test starts with no one recently told. */
    void quietInterval() {
        mailTo("nobody@mail.test"); // nothing in flight: moving the clock past a claim would send a notice twice (by design)
        TestClock.INSTANCE.advance(Duration.ofMinutes(11));
        messageNotices.sendHeldBack();
        mailTo("nobody@mail.test");
        TestClock.INSTANCE.advance(Duration.ofMinutes(11)); // and past what that just sent
    }

    static int unread(HttpResponse<String> page) {
        String badge = unreadBadge(page);
        return badge == null ? 0 : Integer.parseInt(badge);
    }

    static String unreadBadge(HttpResponse<String> page) {
        Matcher badge = Pattern.compile("id=\"unread-badge\">(\\d+)<|<span class=\"badge\"[^>]*>(\\d+)</span>").matcher(page.body());
        return badge.find() ? (badge.group(1) != null ? badge.group(1) : badge.group(2)) : null;
    }

    static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in the text");
        }
        return matcher.group(1);
    }

    static String boundaryOf(MessageForm form) {
        return form.contentType().substring(form.contentType().indexOf("boundary=") + 9);
    }

    interface BodyWriter {
        void write(OutputStream out) throws Exception;
    }

    /**
     * Posts over a raw TLS socket with the session cookie, writing the body from another thread, and returns the
     * status line as soon as it comes: how a test sees that the server answered before it had read everything.
     */
    String rawPost(PortalClient client, String contentType, long length, BodyWriter body) throws Exception {
        String session = client.cookieHeader();
        try (SSLSocket socket = (SSLSocket) PortalClient.trustingDevelopmentCertificate().getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /my/messages HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: " + session + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (Exception expected) {
                    // the server closed the connection after answering
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            socket.close();
            writer.join(30_000);
            return line.toString().strip();
        }
    }
}
