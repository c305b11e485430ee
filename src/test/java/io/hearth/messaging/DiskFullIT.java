package io.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import io.hearth.test.TestNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Disk full during an upload": the stored-files folder is a small tmpfs (so this needs root, as in CI, and is skipped
 * elsewhere). A message whose attachment does not fit is refused with a clear 503 and its text kept, leaves no row and
 * no file, and goes through once space is freed.
 */
class DiskFullIT {

    static final String PASSWORD = "cobalt-prairie-violin-19";

    @TempDir
    Path temp;

    Path files;

    @AfterEach
    void unmount() throws Exception {
        if (files != null) {
            run("umount", files.toString());
        }
    }

    @Test
    void anAttachmentThatDoesNotFitIsRefusedCleanlyAndGoesThroughOnceThereIsRoom() throws Exception {
        Path dataDir = temp.resolve("data");
        Path folder = Files.createDirectories(dataDir.resolve("files"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", folder.toString()) == 0,
                "mounting a small tmpfs needs root");
        files = folder;
        Path filler = folder.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            try {
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the folder is full
            }
        }
        byte[] scan = Arrays.copyOf(TestFiles.PDF, 512 * 1024);

        try (ConfigurableApplicationContext node = TestNodes.start(TestDatabase.createMigratedDatabase(), dataDir.toString())) {
            node.getBean(TestAccounts.class).create("full.disk", "Fay Fulldisk", PASSWORD, Role.PATIENT);
            node.getBean(Accounts.class).linkPatient("full.disk", UUID.randomUUID());
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            PortalClient patient = new PortalClient(TestNodes.port(node), dataDir);
            patient.signIn("full.disk", PASSWORD);

            HttpResponse<String> refused = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                    .field("subject", "My scan").field("body", "Typed with care & <love>").file("scan.pdf", scan).post(patient, "/my/messages");

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("We could not store your attachment just now", "Typed with care &amp; &lt;love&gt;",
                    "value=\"My scan\"");
            assertThat(jdbc.queryForObject("select count(*) from message", Long.class)).isZero();
            assertThat(storedFiles(folder)).as("nothing half-written is left").containsExactly("filler");

            Files.delete(filler);
            HttpResponse<String> sent = MessageForm.from(patient.get("/my/messages/new").body()).field("pool", "FRONT_DESK")
                    .field("subject", "My scan").field("body", "Typed with care & <love>").file("scan.pdf", scan).post(patient, "/my/messages");

            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
            assertThat(jdbc.queryForObject("select count(*) from message", Long.class)).isEqualTo(1);
            assertThat(storedFiles(folder)).singleElement().satisfies(name -> assertThat(name).endsWith(".enc"));
        }
    }

    private static List<String> storedFiles(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
