package io.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.HearthApplication;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import io.hearth.test.TestNodes;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup the README documents (pg_dump of the database, a copy of the stored files, {@code keys export-backup}),
 * taken while the portal runs and restored into a fresh database and an empty data folder: the restored portal
 * starts (Flyway validates the schema), every note and attachment decrypts, the audit chain verifies, and a person
 * signs in with their password and second factor.
 */
class BackupRestoreIT {

    static final String PASSWORD = "juniper-saddle-orbit-36";
    static final String PHI_DRIVER = "spring.profiles.active=phi-driver";

    @TempDir
    Path temp;

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndFolderThatStartsAndDecryptsEverything() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "pg_dump and pg_restore");
        String original = TestDatabase.createMigratedDatabase();
        Path dataA = temp.resolve("node-a");
        Path dataB = temp.resolve("node-b");
        Path backup = Files.createDirectories(temp.resolve("backup"));
        UUID patient = UUID.randomUUID();
        Map<String, String> notes = new LinkedHashMap<>();

        try (ConfigurableApplicationContext nodeA = TestNodes.start(original, dataA.toString(), PHI_DRIVER)) {
            nodeA.getBean(TestAccounts.class).create("restored.patient", "Rosa Restored", PASSWORD, Role.PATIENT);
            PortalClient driver = new PortalClient(TestNodes.port(nodeA), dataA);
            for (int i = 0; i < 5; i++) {
                String body = "note " + i + " of Rosa Restored, with an attachment";
                notes.put(driver.send(HttpRequest.newBuilder(driver.uri("/test/phi/notes?patient=" + patient + "&attachment=true"))
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build()).body(), body);
            }

            // the backup, while the portal runs
            assertThat(HearthCommandLine.commandLine(HearthApplication.class).execute(HearthCommandLineIT.withSettings(List.of("keys",
                    "export-backup", "--out", backup.resolve("keys.zip").toString(), "--hearth.data-dir=" + dataA), TestDatabase.settings(original))))
                    .isZero();
            TestDatabase.runAsOwner("pg_dump", "--format=custom", "--file=" + backup.resolve("hearth.dump"), databaseName(original));
            copyTree(dataA.resolve("files"), backup.resolve("files"));
        }

        String restored = TestDatabase.createDatabase();
        TestDatabase.runAsOwner("pg_restore", "--exit-on-error", "--dbname=" + databaseName(restored), backup.resolve("hearth.dump").toString());
        unzipMasterKey(backup.resolve("keys.zip"), Files.createDirectories(dataB.resolve("keys")));
        copyTree(backup.resolve("files"), dataB.resolve("files"));

        try (ConfigurableApplicationContext nodeB = TestNodes.start(restored, dataB.toString(), PHI_DRIVER)) {
            PortalClient client = new PortalClient(TestNodes.port(nodeB), dataB);
            @SuppressWarnings("unchecked")
            Map<String, Object> integrity = JsonMapper.builder().build().readValue(client.get("/test/phi/integrity").body(), Map.class);
            assertThat(integrity).containsEntry("rows", 5).containsEntry("bodyFailures", 0).containsEntry("attachments", 5)
                    .containsEntry("attachmentFailures", 0).containsEntry("auditIntact", true);
            notes.forEach((id, body) -> assertThat(client.get("/test/phi/notes/" + id).body()).isEqualTo(body));
            assertThat(client.signIn("restored.patient", PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
            assertThat(client.get("/account/security").statusCode()).as("signed in on the restored portal").isEqualTo(200);
        }
    }

    private static String databaseName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** The README's restore step: the locked master key files from the backup's master/ folder, owner-only. */
    private static void unzipMasterKey(Path zip, Path keys) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                if (entry.getName().startsWith("master/")) {
                    Path file = keys.resolve(entry.getName().substring("master/".length()));
                    Files.write(file, entries.readAllBytes());
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }
}
