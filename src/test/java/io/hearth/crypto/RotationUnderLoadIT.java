package io.hearth.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestDatabase;
import io.hearth.test.phi.ScratchNotes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Key rotation and re-encryption while four clients keep creating, changing and reading encrypted notes over HTTPS:
 * nothing written during the rotation is lost or left under the old key, and every value decrypts afterwards.
 */
@PortalTest
@ActiveProfiles("phi-driver")
class RotationUnderLoadIT {

    static final int SEEDED = 3000;
    static final int CLIENTS = 4;
    static final UUID PATIENT = UUID.fromString("0e9b6d1a-3c7f-4a52-b8e4-1f2d3c4b5a69");

    @Autowired
    KeyRotation rotation;

    @Autowired
    ScratchNotes notes;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    /** The last acknowledged body of every note; each client owns its notes, so the last write it saw is the truth. */
    final Map<UUID, String> expected = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    @Test
    void rotatingAndReencryptingUnderLoadLosesNothing() throws Exception {
        assumeThat(TestDatabase.onPostgres()).as("the rotation is measured on PostgreSQL").isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<List<UUID>> owned = new ArrayList<>();
        List<Future<?>> seeding = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<UUID> mine = new CopyOnWriteArrayList<>();
            owned.add(mine);
            int client = c;
            seeding.add(pool.submit(() -> {
                for (int i = client; i < SEEDED; i += CLIENTS) {
                    String body = "seeded note " + i;
                    UUID id = notes.write(PATIENT, body, false);
                    expected.put(id, body);
                    mine.add(id);
                }
            }));
        }
        for (Future<?> seed : seeding) {
            seed.get();
        }
        int oldPrimary = cipher.primaryKeyId();
        assertThat(fields().valuesPerKey()).containsEntry(oldPrimary, (long) SEEDED);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        AtomicLong created = new AtomicLong();
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<UUID> mine = owned.get(c);
            int client = c;
            load.add(pool.submit(() -> traffic(client, mine, stop, requests, created)));
        }
        Thread.sleep(1000);
        long requestsBeforeRotation = requests.get();
        long started = System.nanoTime();
        List<KeysetStatus> rotated = rotation.rotate();
        long reencrypted = rotation.reencrypt((done, total) -> { });
        long millis = (System.nanoTime() - started) / 1_000_000;
        long requestsDuringRotation = requests.get() - requestsBeforeRotation;
        Thread.sleep(1000);
        stop.set(true);
        for (Future<?> client : load) {
            client.get();
        }
        pool.shutdown();

        int newPrimary = cipher.primaryKeyId();
        assertThat(newPrimary).isNotEqualTo(oldPrimary);
        assertThat(rotated.stream().filter(k -> k.keyset().equals("fields")).findFirst().orElseThrow().primaryKeyId()).isEqualTo(newPrimary);
        assertThat(problems).as("failed or wrong requests during the rotation").isEmpty();
        assertThat(requestsDuringRotation).as("requests served while rotating and re-encrypting").isPositive();

        KeysetStatus after = fields();
        assertThat(after.valuesUnderOldKeys()).as("values under old keys: %s", after.valuesPerKey()).isZero();
        assertThat(after.valuesPerKey()).containsOnlyKeys(newPrimary);

        Map<UUID, byte[]> stored = new HashMap<>();
        jdbc.query("select id, body_ciphertext from scratch_note", row -> {
            stored.put(row.getObject(1, UUID.class), row.getBytes(2));
        });
        assertThat(stored.keySet()).as("no acknowledged note lost, none extra").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(stored).hasSize(SEEDED + (int) created.get());
        for (Map.Entry<UUID, byte[]> row : stored.entrySet()) {
            assertThat(FieldCipher.keyIdOf(row.getValue())).isEqualTo(newPrimary);
            assertThat(cipher.decrypt(row.getValue(), ScratchNotes.BODY.at(row.getKey()))).as("note %s", row.getKey())
                    .isEqualTo(expected.get(row.getKey()));
        }
        System.out.printf("RotationUnderLoadIT: %d seeded notes; rotate + re-encrypt of %d values took %d ms while %d clients made %d requests"
                + " (%d in total, %d notes created); key %d -> %d, 0 values left under the old key%n", SEEDED, reencrypted, millis,
                CLIENTS, requestsDuringRotation, requests.get(), created.get(), oldPrimary, newPrimary);
    }

    /** Creates (half), changes (a quarter) and reads back (a quarter) this client's own notes, checking every answer. */
    private void traffic(int client, List<UUID> mine, AtomicBoolean stop, AtomicLong requests, AtomicLong created) {
        HttpClient http = HttpClient.newBuilder().sslContext(PortalClient.trustingDevelopmentCertificate())
                .version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(client);
        try {
            for (int n = 0; !stop.get(); n++) {
                int choice = random.nextInt(4);
                if (choice < 2) {
                    String body = "live note " + client + "-" + n;
                    HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri("/test/phi/notes?patient=" + PATIENT))
                            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)));
                    if (response.statusCode() == 200) {
                        UUID id = UUID.fromString(response.body().trim());
                        expected.put(id, body);
                        mine.add(id);
                        created.incrementAndGet();
                    } else {
                        problems.add("create answered " + response.statusCode());
                    }
                } else {
                    UUID id = mine.get(random.nextInt(mine.size()));
                    if (choice == 2) {
                        String body = "changed note " + client + "-" + n;
                        HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri("/test/phi/notes/" + id))
                                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(body)));
                        if (response.statusCode() == 200) {
                            expected.put(id, body);
                        } else {
                            problems.add("change of " + id + " answered " + response.statusCode());
                        }
                    } else {
                        HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri("/test/phi/notes/" + id)).GET());
                        if (response.statusCode() != 200 || !response.body().equals(expected.get(id))) {
                            problems.add("read of " + id + " answered " + response.statusCode());
                        }
                    }
                }
                requests.incrementAndGet();
            }
        } catch (Exception e) {
            problems.add(e.toString());
        }
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private KeysetStatus fields() {
        return rotation.status().stream().filter(k -> k.keyset().equals("fields")).findFirst().orElseThrow();
    }
}
