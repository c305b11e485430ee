package io.hearth.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.messaging.MessageForm;
import io.hearth.messaging.TestFiles;
import io.hearth.records.MedicationLists;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * After {@code keys rotate} and {@code keys reencrypt}, no ciphertext in any table is left under the old key: every
 * {@code *_ciphertext} column of the schema holds values (made through the portal's own pages, so each is encrypted
 * with the row identity the application uses), and after re-encryption every one of them is under the new primary
 * key and still decrypts.
 */
@PortalTest
@TestPropertySource(properties = "hearth.demo.enabled=true")
class EveryCiphertextRotatesIT {

    static final String DEMO_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final Pattern FIRST_FREE_TIME = Pattern.compile("name=\"start\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    KeyRotation rotation;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    MedicationLists medications;

    @Test
    void afterRotatingAndReencryptingEveryCiphertextInEveryTableIsUnderTheNewKey() {
        TestAccounts.knowSecret("demo.patient", DEMO_TOTP_SECRET);
        TestAccounts.knowSecret("demo.provider", DEMO_TOTP_SECRET);
        people.giveConfirmedEmail("demo.patient", "demo.patient@mail.test");
        PortalClient patient = signedIn("demo.patient");
        PortalClient provider = signedIn("demo.provider");
        sendAMessageWithAnAttachment(patient);
        askAndDecideTwoRenewals(patient, provider);
        bookAndCancelWithReasons(patient, provider);
        assertThat(new PortalClient(port).submit("/signin/forgot", "/signin/forgot", "name=demo.patient").statusCode())
                .as("a reset link is queued as a notice").isEqualTo(302);

        int oldKey = cipher.primaryKeyId();
        Map<String, Long> before = valuesPerColumn(oldKey);
        assertThat(before.keySet()).as("every ciphertext column has values to move").containsExactlyInAnyOrderElementsOf(rotation.targets());
        assertThat(before.values()).allSatisfy(count -> assertThat(count).isPositive());

        rotation.rotate();
        long moved = rotation.reencrypt((done, total) -> { });

        int newKey = cipher.primaryKeyId();
        assertThat(newKey).isNotEqualTo(oldKey);
        // not exactly the count before: the portal goes on working meanwhile (a notice sent drops its link, say)
        assertThat(moved).isPositive();
        assertThat(valuesPerColumn(oldKey)).as("values left under the old key").allSatisfy((column, count) -> assertThat(count).as(column).isZero());
        for (String target : rotation.targets()) {
            String[] parts = target.split("\\.");
            jdbc.query("select id, " + parts[1] + " from " + parts[0] + " where " + parts[1] + " is not null", row -> {
                byte[] value = row.getBytes(2);
                assertThat(FieldCipher.keyIdOf(value)).as(target).isEqualTo(newKey);
                assertThat(cipher.decryptBytes(value, EncryptedColumn.of(parts[0], parts[1]).at(row.getObject(1)))).as(target).isNotNull();
            });
        }
        assertThat(patient.get("/my/messages").statusCode()).as("the portal still reads what it wrote").isEqualTo(200);
    }

    /** For each ciphertext column, how many of its values are under the given key. */
    private Map<String, Long> valuesPerColumn(int keyId) {
        Map<String, Long> counts = new TreeMap<>();
        for (String target : rotation.targets()) {
            String[] parts = target.split("\\.");
            long[] underKey = { 0 };
            jdbc.query("select " + parts[1] + " from " + parts[0] + " where " + parts[1] + " is not null", row -> {
                underKey[0] += FieldCipher.keyIdOf(row.getBytes(1)) == keyId ? 1 : 0;
            });
            counts.put(target, underKey[0]);
        }
        return counts;
    }

    private void sendAMessageWithAnAttachment(PortalClient patient) {
        HttpResponse<String> sent = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                .field("subject", "Parking").field("body", "Where do I park?").file("map.png", TestFiles.PNG).post(patient, "/my/messages");
        assertThat(sent.statusCode()).as("message sent").isEqualTo(302);
    }

    /** One request approved with changes, one denied with a reason. */
    private void askAndDecideTwoRenewals(PortalClient patient, PortalClient provider) {
        UUID demo = accounts.patientOf("demo.patient").orElseThrow();
        int asked = 0;
        for (MedicationLists.Medication medication : medications.of(demo)) {
            String token = PortalClient.csrfToken(patient.get("/my/medications").body());
            if (asked < 2 && "active".equals(medication.status()) && patient.postForm("/my/medications/" + medication.id() + "/renewals",
                    "pharmacy=Harbor+Pharmacy&note=" + encode("Running low") + "&_csrf=" + token).statusCode() == 302) {
                asked++;
            }
        }
        assertThat(asked).as("renewals asked for two of the demo patient's medications").isEqualTo(2);
        List<UUID> requests = jdbc.queryForList("select id from renewal_request where status = 'PENDING' order by requested_at", UUID.class);
        assertThat(decide(provider, requests.get(0), "approve", "quantity=30&refills=2")).isEqualTo(302);
        assertThat(decide(provider, requests.get(1), "deny", "reason=" + encode("Please book a visit first"))).isEqualTo(302);
    }

    private static int decide(PortalClient provider, UUID request, String action, String form) {
        return provider.submit("/staff/renewals/" + request, "/staff/renewals/" + request + "/" + action, form).statusCode();
    }

    /** The patient books a follow-up with a reason; the provider cancels it with a reason. */
    private void bookAndCancelWithReasons(PortalClient patient, PortalClient provider) {
        UUID type = jdbc.queryForObject("select id from appointment_type where name = 'Follow-up visit'", UUID.class);
        UUID practitioner = accounts.practitionerOf("demo.provider").orElseThrow();
        String choose = "/my/appointments/book?type=" + type + "&provider=" + practitioner;
        String slots = patient.get(choose).body();
        Matcher free = FIRST_FREE_TIME.matcher(slots);
        assertThat(free.find()).as("a free time is offered").isTrue();
        HttpResponse<String> booked = patient.submit(choose, "/my/appointments", "type=" + type + "&provider=" + practitioner + "&start="
                + encode(free.group(1)) + "&reason=" + encode("Blood pressure check"));
        assertThat(booked.statusCode()).as("booked").isEqualTo(302);
        String appointment = booked.headers().firstValue("Location").orElseThrow().replaceAll(".*/my/appointments/", "");
        HttpResponse<String> cancelled = provider.submit("/staff/appointments/" + appointment, "/staff/appointments/" + appointment + "/cancel",
                "reason=" + encode("The doctor is away that day"));
        assertThat(cancelled.statusCode()).as("cancelled").isEqualTo(302);
    }

    private PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, DEMO_PASSWORD);
        return client;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
