package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestRecords;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The patient's attachment quota holds when several messages arrive at once: each fits in what is left when its
 * upload starts, together they do not. A patient and her provider (whose replies count against her quota too).
 */
@PortalTest
@TestPropertySource(properties = "hearth.messaging.patient-quota=3MB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageQuotaIT {

    static final String PASSWORD = "amber-harbour-lantern-31";
    static final long QUOTA = 3L * 1024 * 1024;
    static final int FILE_SIZE = 1_000_000; // three fit, a fourth does not
    static final String QUOTA_ERROR = "There is no room left for more attachments";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestRecords records;

    @Autowired
    JdbcTemplate jdbc;

    UUID dee;

    @BeforeAll
    void patientAndProvider() {
        dee = records.importPatient("dee", "Dee", "Lark", "111", "111");
        people.create("dee.patient", "Dee Lark", PASSWORD, Role.PATIENT);
        accounts.linkPatient("dee.patient", dee);
        people.create("dr.one", "Dr. Una One", PASSWORD, Role.PROVIDER);
        accounts.linkPractitioner("dr.one", records.practitioner("111"));
    }

    @Test
    void simultaneousMessagesAndRepliesNeverStoreMoreThanThePatientsQuota() throws Exception {
        PortalClient patient = signedIn("dee.patient");
        PortalClient provider = signedIn("dr.one");
        String pool = "CARE_TEAM:" + records.practitioner("111");
        List<UUID> replyTo = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MessageForm first = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", pool).field("subject", "Question " + i)
                    .field("body", "No file yet");
            replyTo.add(UUID.fromString(MessagingIT.match(MessagingIT.THREAD, first.post(patient, "/my/messages").headers()
                    .firstValue("Location").orElseThrow())));
        }

        record Sending(PortalClient client, String path, MessageForm form, String typed) {
        }
        List<Sending> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String typed = "Scan number " + i + " as promised";
            all.add(new Sending(patient, "/my/messages", MessageForm.from(patient.get("/my/messages/new").body()).field("pool", pool)
                    .field("subject", "Scan " + i).field("body", typed).file("scan-" + i + ".pdf", TestFiles.pdfOfSize(FILE_SIZE)), typed));
        }
        for (UUID thread : replyTo) {
            String typed = "Your letter for thread " + thread;
            all.add(new Sending(provider, "/staff/messages/" + thread, MessageForm.from(provider.get("/staff/messages/" + thread).body())
                    .field("body", typed).file("letter.pdf", TestFiles.pdfOfSize(FILE_SIZE)), typed));
        }
        long messages = count("message");
        long files = storedFiles();

        // all at once: each sees the same quota left when its upload starts
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(all.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (Sending sending : all) {
                answers.add(senders.submit(() -> {
                    go.await();
                    return sending.form().post(sending.client(), sending.path());
                }));
            }
            go.countDown();
            int sent = 0;
            for (int i = 0; i < all.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get(2, TimeUnit.MINUTES);
                if (answer.statusCode() == 302) {
                    sent++;
                } else {
                    assertThat(answer.statusCode()).as("refused for the quota").isEqualTo(413);
                    assertThat(answer.body()).as("the error, and what was typed kept").contains(QUOTA_ERROR, all.get(i).typed());
                }
            }

            long stored = jdbc.queryForObject("select coalesce(sum(size_bytes), 0) from message_attachment where patient_id = ?", Long.class, dee);
            assertThat(stored).as("attachment bytes stored for the patient").isLessThanOrEqualTo(QUOTA);
            assertThat(sent).as("as many as fit, no fewer").isEqualTo((int) (QUOTA / FILE_SIZE));
            assertThat(stored).isEqualTo((long) sent * FILE_SIZE);
            assertThat(count("message")).as("nothing of a refused message").isEqualTo(messages + sent);
            assertThat(jdbc.queryForObject("select count(*) from message_attachment where patient_id = ?", Long.class, dee)).isEqualTo(sent);
            assertThat(storedFiles()).as("the refused uploads' files removed").isEqualTo(files + sent);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void thePortalsRoleCannotDeleteAQuotaCounter() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.hearth.test.TestDatabase.onPostgres(), "roles exist on PostgreSQL only");

        // a deleted counter would start again at zero, with the patient's attachments still stored
        assertThatThrownBy(() -> jdbc.update("delete from message_quota where patient_id = ?", dee)).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("truncate message_quota")).hasStackTraceContaining("permission denied");
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static long storedFiles() throws Exception {
        Path folder = Path.of("target/it-data/files");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().startsWith("attachment_")).count();
        }
    }
}
