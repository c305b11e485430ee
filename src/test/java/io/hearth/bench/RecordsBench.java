package io.hearth.bench;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.FhirImport;
import io.hearth.records.ImportResult;
import io.hearth.test.SyntheaBundles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.phi.RequestCpuMeter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.ConfigurableApplicationContext;

/** The health record: FHIR import rate for the 12 shared Synthea bundles (encryption and audit on), lab-results page throughput. */
final class RecordsBench {

    private RecordsBench() {
    }

    static final String PASSWORD = "harbor-lantern-quilt-42";
    static final int[] CLIENTS = { 4, 8 };
    static final int ROUNDS = 2;
    static final double WARM_UP_SECONDS = 5;
    static final int WARM_UP_ROUNDS_AT_MOST = 30;
    static final double QUIET_COMPILERS = 0.02;

    /**
     * The lab-results page (signed in, 50 rows: session, authorization, audit entry, decryption, directory look-ups,
     * Thymeleaf) against a bare endpoint returning the same 50 rows as JSON without any of that, over HTTPS.
     */
    static void labResultsPage(ConfigurableApplicationContext portal, Path dataDir, int port) throws Exception {
        System.out.println();
        System.out.println("== Lab results page (signed-in patient, 50 rows) vs a bare endpoint with the same rows, over HTTPS on loopback");
        JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
        UUID patient = jdbc.queryForObject("select patient_id from record_entry where kind = 'OBSERVATION' and category = 'laboratory'"
                + " group by patient_id order by count(*) desc limit 1", UUID.class);
        Accounts accounts = portal.getBean(Accounts.class);
        SecondFactors secondFactors = portal.getBean(SecondFactors.class);
        accounts.create("bench.results", "Bench Results", PASSWORD.toCharArray(), EnumSet.of(Role.PATIENT));
        accounts.linkPatient("bench.results", patient);
        String secret = secondFactors.newAuthenticatorSecret();
        secondFactors.enrolAuthenticatorApp("bench.results", secret, TestAccounts.codeAt(secret, Instant.now().minusSeconds(30)));
        PortalClient client = new PortalClient(port, dataDir);
        client.signInPasswordOnly("bench.results", PASSWORD);
        client.submitSecondFactor(TestAccounts.codeAt(secret, Instant.now()));
        HttpResponse<String> page = client.get("/my/results");
        if (page.statusCode() != 200 || !page.body().contains("results-heading")) {
            throw new IllegalStateException("the results page did not open: " + page.statusCode());
        }
        String bare = "/test/phi/records/" + patient + "/lab-results";
        // without the patient's cookie: a request that names a session has it read (and its last access written) even
        // where nothing asks who is signed in, and the bare endpoint is to have no session at all
        PortalClient anonymous = new PortalClient(port, dataDir);
        warmUp(client, anonymous, bare);
        System.out.println("measured rounds start at " + Instant.now()); // to pick them out of a flight recording
        RequestCpuMeter meter = portal.getBean(RequestCpuMeter.class);
        meter.takeMeanMillis("GET /my/results");
        meter.takeMeanMillis("GET " + bare);
        System.out.printf("1 client, one request at a time: page %.1f ms, bare %.1f ms%n", 1000 / throughput(client, "/my/results", 1, Bench.SECONDS, false),
                1000 / throughput(anonymous, bare, 1, Bench.SECONDS, false));
        meter.takeMeanMillis("GET /my/results");
        meter.takeMeanMillis("GET " + bare);
        for (int clients : CLIENTS) {
            // alternated, so that a change in the machine's speed (it is shared) weighs on both alike
            double portalRate = 0;
            double bareRate = 0;
            for (int round = 0; round < ROUNDS; round++) {
                portalRate += throughput(client, "/my/results", clients, Bench.SECONDS, true) / ROUNDS;
                bareRate += throughput(anonymous, bare, clients, Bench.SECONDS, true) / ROUNDS;
            }
            System.out.printf("%d clients: lab-results page %,.0f pages/s; bare endpoint %,.0f responses/s; ratio %.2f (goal >= 0.5)%n",
                    clients, portalRate, bareRate, portalRate / bareRate);
            double[] segments = meter.takeSegments("GET /my/results");
            System.out.printf("    CPU per response on the request's thread: page %.2f ms (filters in %.2f, handler %.2f, template %.2f,"
                    + " filters out %.2f), bare %.2f ms%n", meter.takeMeanMillis("GET /my/results"), segments[0], segments[1], segments[2],
                    segments[3], meter.takeMeanMillis("GET " + bare));
        }
        RenderBench.run(portal, "/my/results");
        System.out.printf("(page %,d bytes of HTML; bare %,d bytes of JSON)%n", page.body().length(), anonymous.get(bare).body().length());
    }

    /**
     * Steady state, as a portal that has been up for a while sees it: both paths run until the JIT compilers have (nearly)
     * finished. On 2 cores there is one C2 thread for all of Spring, Thymeleaf, TLS and the JDBC driver; after 30 s it
     * still used 2 to 3 ms of CPU per page, more for the page (the larger code path) than for the bare endpoint.
     */
    private static void warmUp(PortalClient client, PortalClient anonymous, String bare) throws InterruptedException {
        long started = System.nanoTime();
        double compilerShare = 1;
        for (int round = 1; round <= WARM_UP_ROUNDS_AT_MOST && (round <= 3 || compilerShare > QUIET_COMPILERS); round++) {
            java.util.Map<String, Long> before = CpuTime.byThreadGroup();
            long jvm = CpuTime.jvm();
            throughput(client, "/my/results", 8, WARM_UP_SECONDS, false);
            throughput(anonymous, bare, 8, WARM_UP_SECONDS, false);
            java.util.Map<String, Long> after = CpuTime.byThreadGroup();
            long compilers = 0;
            for (String compiler : List.of("C1", "C2")) {
                compilers += after.getOrDefault(compiler, 0L) - before.getOrDefault(compiler, 0L);
            }
            compilerShare = compilers / (double) (CpuTime.jvm() - jvm);
        }
        System.out.printf("warm-up: %.0f s, until the JIT compilers used %.1f%% of the JVM's CPU (at most %d rounds of %.0f s)%n",
                (System.nanoTime() - started) / 1e9, compilerShare * 100, WARM_UP_ROUNDS_AT_MOST, 2 * WARM_UP_SECONDS);
    }

    /** @param report whether to print where the CPU went (not for warm-ups) */
    static double throughput(PortalClient client, String path, int clients, double seconds, boolean report) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    if (client.get(path).statusCode() == 200) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-results-" + c);
            workers.add(worker);
            worker.start();
        }
        long jvmCpu = CpuTime.jvm();
        long databaseCpu = CpuTime.postgres();
        java.util.Map<String, Long> threadsBefore = CpuTime.byThreadGroup();
        long counted = done.get();
        Thread.sleep((long) (seconds * 1000));
        long jvmUsed = CpuTime.jvm() - jvmCpu;
        long databaseUsed = CpuTime.postgres() - databaseCpu;
        counted = done.get() - counted;
        java.util.Map<String, Long> threadsAfter = CpuTime.byThreadGroup();
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " requests to " + path + " failed");
        }
        if (report && counted > 0) {
            long perResponse = counted;
            StringBuilder groups = new StringBuilder();
            long inThreads = 0;
            for (var group : threadsAfter.entrySet()) {
                long used = group.getValue() - threadsBefore.getOrDefault(group.getKey(), 0L);
                inThreads += used;
                if (used / 1e6 / perResponse >= 0.05) {
                    groups.append(String.format(" %s %.2f,", group.getKey(), used / 1e6 / perResponse));
                }
            }
            System.out.printf("    %s: CPU per response %.2f ms in the JVM (server and client), %.2f ms in PostgreSQL;%s in threads that ended %.2f%n",
                    path, jvmUsed / 1e6 / counted, databaseUsed / 1e6 / counted, groups, (jvmUsed - inThreads) / 1e6 / counted);
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    static void importOnly(ConfigurableApplicationContext portal) throws Exception {
        FhirImport importer = portal.getBean(FhirImport.class);
        for (Path file : SyntheaBundles.all()) {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importBundle(in, "bench");
            }
        }
        importer.refreshStatistics(); // as the import command does
    }

    static void importRate(ConfigurableApplicationContext portal) throws Exception {
        System.out.println();
        System.out.println("== FHIR import: the 12 shared Synthea bundles + directory bundles, each in one transaction, encrypted, audited");
        List<Path> files = SyntheaBundles.all();
        FhirContext fhir = portal.getBean(FhirContext.class);
        // warm-up of HAPI's parser and the JIT without storing anything (a stored bundle would re-import as unchanged)
        long parseStarted = System.nanoTime();
        int resources = 0;
        for (int round = 0; round < 3; round++) {
            parseStarted = System.nanoTime();
            resources = 0;
            for (Path file : files) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    resources += fhir.newJsonParser().parseResource(Bundle.class, in).getEntry().size();
                }
            }
        }
        double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
        System.out.printf("HAPI parse alone (gunzip + JSON to R4 model, warm): %,d resources in %.2f s = %,.0f resources/s%n", resources,
                parseSeconds, resources / parseSeconds);

        FhirImport importer = portal.getBean(FhirImport.class);
        long started = System.nanoTime();
        int stored = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult result = importer.importBundle(in, "bench");
                stored += result.total();
            }
        }
        importer.refreshStatistics(); // as the import command does, counted in the import's time
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("first import: %,d resources in %.2f s = %,.0f resources/s (goal >= 2,000/s)%n", stored, seconds, stored / seconds);
        double firstRate = stored / seconds;

        started = System.nanoTime();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importBundle(in, "bench");
            }
        }
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("second import (nothing changed, nothing written): %.2f s = %,.0f resources/s%n", seconds, stored / seconds);
        double unvalidated = seconds;

        // the same again with FHIR validation (as the HTTP endpoint runs it): the first use loads the R4 definitions
        started = System.nanoTime();
        try (InputStream in = Files.newInputStream(files.get(0))) {
            importer.importBundle(in, "bench", Long.MAX_VALUE, true);
        }
        System.out.printf("FHIR validator's first use (loads the R4 definitions; one bundle): %.1f s%n", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importBundle(in, "bench", Long.MAX_VALUE, true);
            }
        }
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("second import validated: %.2f s = %,.0f resources/s; validation alone ~%,.0f resources/s; a first import with"
                + " validation would run at ~%,.0f resources/s%n", seconds, stored / seconds, stored / (seconds - unvalidated),
                stored / (seconds - unvalidated + stored / firstRate));
    }
}
