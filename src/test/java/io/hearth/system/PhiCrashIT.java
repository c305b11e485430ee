package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hearth.test.TestDatabase;
import io.hearth.test.phi.PortalProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security catalogue, Faults: {@code kill -9} during PHI writes. The real portal runs as a child JVM; eight clients
 * write audited, encrypted notes (every other one with an encrypted attachment) over HTTPS; the portal is killed with
 * SIGKILL mid-stream and started again on the same database and data folder.
 */
class PhiCrashIT {

    static final int CLIENTS = 8;
    static final Duration LOAD = Duration.ofSeconds(3);
    /** A freshly started JVM on two shared cores is slow for its first seconds; keep writing until this many are acknowledged. */
    static final int MIN_ACKNOWLEDGED = 300;
    static final Duration MAX_LOAD = Duration.ofSeconds(20);
    static final UUID PATIENT = UUID.fromString("5d1c0b7e-9a34-4f6e-8f21-6c3e2b1a0d9f");

    PortalProcess portal;
    String url;

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNineOnceWithItsAuditEntry() throws Exception {
        assumeThat(TestDatabase.onPostgres()).as("two processes share the database: PostgreSQL only").isTrue();
        url = TestDatabase.createMigratedDatabase();
        Path dataDir = Path.of("target/phi-crash", UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dataDir);
        portal = new PortalProcess(url, dataDir);
        portal.start();

        Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong failuresBeforeKill = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> write(client, acknowledged, killed, failuresBeforeKill), "crash-client-" + c);
            clients.add(thread);
            thread.start();
        }
        long started = System.nanoTime();
        Thread.sleep(LOAD.toMillis());
        while (acknowledged.size() < MIN_ACKNOWLEDGED && System.nanoTime() - started < MAX_LOAD.toNanos()) {
            Thread.sleep(20);
        }
        Duration load = Duration.ofNanos(System.nanoTime() - started).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        killed.set(true);
        int exit = portal.killHard();
        for (Thread thread : clients) {
            thread.join(30_000);
        }
        assertThat(exit).as("SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(failuresBeforeKill).as("no write failed before the kill").hasValue(0);
        assertThat(acknowledged).isNotEmpty();

        // what the crash left in the file store, before the restart's sweep
        Path files = dataDir.resolve("files");
        Set<String> referenced = referencedFiles();
        List<Path> leftTemporary = list(files, ".tmp");
        List<Path> leftUnreferenced = list(files, ".enc").stream()
                .filter(file -> !referenced.contains(stripSuffix(file))).toList();
        // the sweep only takes leftovers older than an hour (an upload may still be in flight): age them, as if the
        // portal were restarted an hour later
        try (Stream<Path> all = Files.list(files)) {
            for (Path file : all.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            }
        }

        portal.start();

        Map<UUID, Long> changesPerNote = new HashMap<>();
        Set<UUID> stored = new HashSet<>();
        long notesWithFile;
        try (Connection db = owner()) {
            ResultSet rows = db.createStatement().executeQuery("select id, file_id from scratch_note");
            long withFile = 0;
            while (rows.next()) {
                assertThat(stored.add(rows.getObject(1, UUID.class))).isTrue();
                withFile += rows.getString(2) == null ? 0 : 1;
            }
            notesWithFile = withFile;
            ResultSet audit = db.createStatement().executeQuery("select object_id, count(*) from audit_entry"
                    + " where object_type = 'scratch_note' and action = 'PHI_CHANGE' group by object_id");
            while (audit.next()) {
                changesPerNote.put(UUID.fromString(audit.getString(1)), audit.getLong(2));
            }
            ResultSet duplicates = db.createStatement().executeQuery("select count(*) from (select id from scratch_note group by id having count(*) > 1) d");
            duplicates.next();
            assertThat(duplicates.getLong(1)).as("duplicated notes").isZero();
        }

        assertThat(stored).as("every acknowledged write is present").containsAll(acknowledged.keySet());
        for (UUID id : stored) {
            assertThat(changesPerNote.get(id)).as("PHI_CHANGE entries of committed note %s (acknowledged: %s)", id,
                    acknowledged.containsKey(id)).isEqualTo(1L);
        }
        assertThat(changesPerNote.keySet()).as("no audit entry for a note that was never committed").isSubsetOf(stored);

        // every stored body and attachment decrypts, attachments whole; the chain verifies (both in the restarted portal)
        HttpClient http = portal.client();
        Map<?, ?> integrity = JsonMapper.builder().build().readValue(
                http.send(HttpRequest.newBuilder(portal.uri("/test/phi/integrity")).build(), HttpResponse.BodyHandlers.ofString()).body(), Map.class);
        assertThat(integrity.get("rows")).isEqualTo(stored.size());
        assertThat(integrity.get("bodyFailures")).isEqualTo(0);
        assertThat(integrity.get("attachments")).isEqualTo((int) notesWithFile);
        assertThat(integrity.get("attachmentFailures")).isEqualTo(0);
        assertThat(integrity.get("auditIntact")).as("audit chain: %s", integrity.get("auditProblem")).isEqualTo(true);
        for (Map.Entry<UUID, String> note : acknowledged.entrySet()) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(portal.uri("/test/phi/notes/" + note.getKey() + "?audit=false")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.body()).as("body of %s", note.getKey()).isEqualTo(note.getValue());
        }

        // the start-up sweep took what the crash left: no temporary file, no file without its note
        assertThat(list(files, ".tmp")).as("temporary files after the restart").isEmpty();
        assertThat(list(files, ".enc").stream().map(PhiCrashIT::stripSuffix).toList())
                .as("stored files after the restart").containsExactlyInAnyOrderElementsOf(referencedFiles());

        portal.stop();
        PortalProcess.CommandResult verify = portal.runCommand("audit", "verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("Audit chain intact");

        Set<UUID> unacknowledged = new HashSet<>(stored);
        unacknowledged.removeAll(acknowledged.keySet());
        long unacknowledgedWithoutAudit = unacknowledged.stream().filter(id -> !changesPerNote.containsKey(id)).count();
        System.out.printf("PhiCrashIT: %d writes acknowledged in %s before SIGKILL; %d notes stored; %d committed but not acknowledged"
                + " (%d of them without a PHI_CHANGE entry); crash left %d temporary and %d unreferenced files, swept at restart;"
                + " audit chain %s entries intact%n", acknowledged.size(), load, stored.size(), unacknowledged.size(),
                unacknowledgedWithoutAudit, leftTemporary.size(), leftUnreferenced.size(), integrity.get("auditEntries"));
    }

    private void write(int client, Map<UUID, String> acknowledged, AtomicBoolean killed, AtomicLong failures) {
        HttpClient http = portal.client();
        for (int n = 0; !killed.get(); n++) {
            String body = "crash note " + client + "-" + n + " " + UUID.randomUUID();
            HttpRequest request = HttpRequest.newBuilder(portal.uri("/test/phi/notes?patient=" + PATIENT + "&attachment=" + (n % 2 == 0)))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.put(UUID.fromString(response.body().trim()), body);
                } else if (!killed.get()) {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                if (!killed.get()) {
                    failures.incrementAndGet();
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Set<String> referencedFiles() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection db = owner()) {
            ResultSet rows = db.createStatement().executeQuery("select file_id from scratch_note where file_id is not null");
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static String stripSuffix(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
