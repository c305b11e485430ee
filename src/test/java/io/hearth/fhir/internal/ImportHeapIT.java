package io.hearth.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.hearth.test.PortalClient;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import io.hearth.test.phi.PortalProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 3: one import cannot take the portal down. The real portal runs in a child JVM with a small heap, in
 * demo mode (its administrator), on PostgreSQL; a valid bundle of some 26 MB (a Synthea patient's entries seven times,
 * each copy with its own ids) would run that heap out of memory, and must instead be refused while everything else
 * goes on working. Prints the heap the portal holds live, the figure {@link ImportBudget#RESERVED} stands for.
 */
class ImportHeapIT {

    static final String HEAP = "-Xmx512m";
    static final long MB = 1024 * 1024;
    static final String ADMIN = "demo.admin";
    static final String ADMIN_PASSWORD = "harbor-lantern-quilt-42";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    PortalProcess portal;

    @AfterEach
    void stopPortal() throws InterruptedException {
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void aBundleLargerThanTheHeapHoldsIsRefusedWith413AndThePortalStaysUp() throws Exception {
        assumeThat(TestDatabase.onPostgres()).as("the child portal runs on a PostgreSQL test database").isTrue();
        byte[] large = Files.readAllBytes(largeBundle());
        byte[] nearTheBudget = ImportHeapProbe.replicated(SyntheaBundles.patient("Leatrice181"), 4);
        Path dataDir = Files.createDirectories(Path.of("target/import-heap", UUID.randomUUID().toString().substring(0, 8)));
        Path gcLog = dataDir.resolveSibling(dataDir.getFileName() + "-gc.log").toAbsolutePath();
        portal = new PortalProcess(TestDatabase.createDatabase(), dataDir, List.of(HEAP, "-Xlog:gc:file=" + gcLog),
                Map.of("hearth.demo.enabled", "true"));
        portal.start();
        PortalClient admin = new PortalClient(portal.port(), portal.dataDir());
        admin.signInPasswordOnly(ADMIN, ADMIN_PASSWORD);
        // the child runs on real time, not on this JVM's TestClock (which other tests in it may have moved on)
        admin.submitSecondFactor(TestAccounts.codeAt(DEMO_TOTP_SECRET, Instant.now()));
        assertThat(admin.get("/").statusCode()).as("signed in: the home page, not a redirect to the sign-in").isEqualTo(200);
        assertThat(admin.get("/admin/notices").statusCode()).isEqualTo(200);
        long liveAtStart = portal.liveHeapBytes();

        HttpResponse<String> tooLarge = importBundle(admin, large);
        HttpResponse<String> withinBudget = importBundle(admin, nearTheBudget);

        assertThat(tooLarge.statusCode()).as("%d MB, validated, in %s", large.length / MB, HEAP).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"resourceType\":\"OperationOutcome\"", "too-costly", "heap of 512 MB", "-Xmx",
                "Nothing was stored").doesNotContain("limit of 32 MB", "Exception", "HAPI-");
        assertThat(withinBudget.statusCode()).as(withinBudget.body()).isEqualTo(200);
        assertThat((double) nearTheBudget.length).as("the second bundle is nearly the largest this heap admits")
                .isGreaterThan(0.9 * admitted(tooLarge.body()));
        assertThat(portal.process().isAlive()).isTrue();
        assertThat(admin.get("/health").body()).contains("UP");
        assertThat(admin.get("/admin/notices").statusCode()).as("a signed-in page that reads the database").isEqualTo(200);
        HttpResponse<String> another = importBundle(admin, ImportHeapProbe.replicated(SyntheaBundles.patient("Candy565"), 1));
        assertThat(another.statusCode()).as(another.body()).isEqualTo(200);
        assertThat(portal.log()).doesNotContain("OutOfMemoryError");
        System.out.printf("ImportHeapIT (%s): live heap after start-up and two pages %d MB; after validated imports %d MB;"
                + " the most in use after any collection %d MB, importing %d KB validated (ImportBudget.RESERVED %d MB)%n", HEAP,
                liveAtStart / MB, portal.liveHeapBytes() / MB, mostAfterCollection(gcLog), nearTheBudget.length / 1024,
                ImportBudget.RESERVED / MB);
        assertThat(liveAtStart).as("the rest of the portal fits in the reserve").isLessThan(ImportBudget.RESERVED);
    }

    /** The most bytes the 413 says this heap imports. */
    private static long admitted(String outcome) {
        Matcher limit = Pattern.compile("larger than (\\d+) bytes").matcher(outcome);
        assertThat(limit.find()).as(outcome).isTrue();
        return Long.parseLong(limit.group(1));
    }

    /** The highest heap occupancy right after a collection in a -Xlog:gc file (as "437M->364M(512M)"), in MB. */
    private static long mostAfterCollection(Path gcLog) throws IOException {
        Matcher after = Pattern.compile("M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long most = 0;
        while (after.find()) {
            most = Math.max(most, Long.parseLong(after.group(1)));
        }
        return most;
    }

    /** Sent as the administrator's script would, with the session's CSRF token. */
    private static HttpResponse<String> importBundle(PortalClient admin, byte[] bundle) {
        return admin.postJson("/", "/admin/fhir", new String(bundle, StandardCharsets.UTF_8));
    }

    /** Nicholas495's 1,432 entries seven times: 27.6 MB (26.4 MiB, under the endpoint's 32 MB), made once into target/. */
    private static Path largeBundle() throws IOException {
        Path file = Path.of("target/import-heap/Nicholas495-x7.json");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.write(file, ImportHeapProbe.replicated(SyntheaBundles.patient("Nicholas495"), 7));
        }
        return file;
    }
}
