package io.hearth.bench;

import io.hearth.HearthApplication;
import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import io.hearth.test.TestDatabase;
import io.hearth.test.phi.PortalProcess;
import io.hearth.test.phi.ScratchNotes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks (run by {@code bench/run}, not a test): the portal runs in this JVM with the {@code phi-driver} profile on
 * a fresh PostgreSQL database; figures are printed as plain lines. Each part runs for a few seconds after a warm-up.
 */
public final class Bench {

    static final UUID PATIENT = UUID.fromString("3f6e2a1b-8c4d-4e5f-9a0b-1c2d3e4f5a6b");
    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));

    public static void main(String[] args) throws Exception {
        if (!TestDatabase.onPostgres()) {
            throw new IllegalStateException("the benchmarks run on PostgreSQL (" + TestDatabase.serverUrl() + ")");
        }
        Path dataDir = Files.createTempDirectory("hearth-bench");
        int port = freePort();
        Map<String, Object> settings = new HashMap<>(TestDatabase.settings(TestDatabase.createDatabase()));
        settings.put("hearth.data-dir", dataDir.toString());
        settings.put("hearth.demo.enabled", "false");
        settings.put("hearth.crypto.master-passphrase", PortalProcess.PASSPHRASE);
        settings.put("server.port", port);
        settings.put("hearth.base-url", "https://localhost:" + port);
        settings.put("hearth.http.redirect-port", -1);
        settings.put("management.server.port", -1);
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.io.hearth.crypto.internal.Keysets", "WARN");
        System.out.printf("Hearth benchmarks: Java %s, %d CPUs, PostgreSQL at %s; %.0f s per measurement%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), TestDatabase.serverUrl(), SECONDS);
        long boot = System.nanoTime();
        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(HearthApplication.class).profiles("phi-driver")
                .run(settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue()).toArray(String[]::new))) {
            System.out.printf("portal started in %.1f s%n", (System.nanoTime() - boot) / 1e9);
            JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
            System.out.printf("PostgreSQL: fsync=%s, synchronous_commit=%s%n", jdbc.queryForObject("show fsync", String.class),
                    jdbc.queryForObject("show synchronous_commit", String.class));
            List<String> only = List.of(args);
            if (only.isEmpty() || only.contains("audit")) {
                audit(portal.getBean(AuditLog.class), jdbc);
            }
            if (only.isEmpty() || only.contains("cipher")) {
                cipher(portal.getBean(FieldCipher.class));
            }
            if (only.isEmpty() || only.contains("read")) {
                auditedRead(portal.getBean(ScratchNotes.class), dataDir, port, only.contains("audited-only"));
            }
            if (only.isEmpty() || only.contains("sign-in")) {
                SignInBench.run(portal, dataDir, port);
            }
            if (only.isEmpty() || only.contains("audit-search")) {
                AuditSearchBench.run(portal, settings.get("hearth.db.url").toString(), dataDir, port);
            }
            if (only.isEmpty() || only.contains("appointments")) {
                AppointmentsBench.run(portal);
            }
            if (only.isEmpty() || only.contains("records")) {
                RecordsBench.importRate(portal);
                RecordsBench.labResultsPage(portal, dataDir, port);
            } else if (only.contains("lab-page")) { // the page alone, after a plain import
                RecordsBench.importOnly(portal);
                RecordsBench.labResultsPage(portal, dataDir, port);
            }
            if (only.contains("import-heap")) {
                ImportHeapBench.run(portal);
            }
        } finally {
            // key material and the certificate of a throw-away portal
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    // ---- audit throughput -------------------------------------------------------------------------------------

    static void audit(AuditLog audit, JdbcTemplate jdbc) throws InterruptedException {
        System.out.println();
        System.out.println("== Audit: AuditLog.record outside a transaction; each call returns once its entry is committed,"
                + " and the writer chains it in a batch moments later");
        for (int threads : new int[] { 1, 8 }) {
            runAudit(audit, threads, SECONDS / 3); // warm-up
            long firstSeq = lastSeq(jdbc) + 1;
            long writerCpu = writerCpu();
            long started = System.nanoTime();
            long entries = runAudit(audit, threads, SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            writerCpu = writerCpu() - writerCpu;
            long lastSeq = lastSeq(jdbc);
            // rows inserted by one transaction share its xmin: one group of rows per writer batch
            List<Long> batches = jdbc.queryForList("select count(*) from audit_entry where seq between ? and ? group by xmin::text",
                    Long.class, firstSeq, lastSeq);
            long[] sizes = batches.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("audit %d writer thread%s: %,.0f entries/s (%d entries in %.2f s, %.2f ms per record);"
                    + " %d writer batches, size mean %.1f, median %d, max %d; writer thread CPU %.0f us per batch%n", threads,
                    threads == 1 ? "" : "s", entries / seconds, entries, seconds, seconds * 1000 * threads / entries, sizes.length,
                    Arrays.stream(sizes).average().orElse(0), sizes.length == 0 ? 0 : sizes[sizes.length / 2],
                    sizes.length == 0 ? 0 : sizes[sizes.length - 1], writerCpu / 1e3 / Math.max(1, sizes.length));
        }
    }

    static long runAudit(AuditLog audit, int threads, double seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Actor actor = new Actor("bench.writer" + t, "NURSE");
            Thread writer = new Thread(() -> {
                for (long i = 0; !stop.get(); i++) {
                    audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(actor).patient(PATIENT).object("observation", i));
                    done.incrementAndGet();
                }
            }, "bench-audit-" + t);
            writers.add(writer);
            writer.start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        return done.get();
    }

    static long writerCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("audit-chain-writer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    static long lastSeq(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    // ---- field cipher -----------------------------------------------------------------------------------------

    static volatile Object sink;

    static void cipher(FieldCipher cipher) {
        System.out.println();
        System.out.println("== FieldCipher, 100-byte value, one thread");
        String value = "x".repeat(100);
        EncryptedColumn column = EncryptedColumn.of("scratch_note", "body_ciphertext");
        FieldContext context = column.at(UUID.randomUUID());
        byte[] ciphertext = cipher.encrypt(value, context);
        timeCipher(() -> sink = cipher.encrypt(value, context), SECONDS / 3);
        timeCipher(() -> sink = cipher.decrypt(ciphertext, context), SECONDS / 3);
        double encrypt = timeCipher(() -> sink = cipher.encrypt(value, context), SECONDS / 2);
        double decrypt = timeCipher(() -> sink = cipher.decrypt(ciphertext, context), SECONDS / 2);
        System.out.printf("encrypt: %.2f us per value (ciphertext %d bytes)%n", encrypt, ciphertext.length);
        System.out.printf("decrypt: %.2f us per value%n", decrypt);
    }

    /** Microseconds per call, timed in rounds of 1,000 calls for the given time. */
    static double timeCipher(Runnable call, double seconds) {
        long calls = 0;
        long started = System.nanoTime();
        long until = started + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            for (int i = 0; i < 1000; i++) {
                call.run();
            }
            calls += 1000;
        }
        return (System.nanoTime() - started) / 1e3 / calls;
    }

    // ---- audited read over HTTPS ------------------------------------------------------------------------------

    static final int CLIENTS = 4;

    record Phase(long requests, double seconds, double meanMillis, double p50Millis, double p99Millis, long serverCpuNanos,
            long writerCpuNanos, long machineCpuNanos, Map<String, Long> threadGroupCpuNanos) {

        double cpuMicrosPerRequest() {
            return serverCpuNanos / 1e3 / requests;
        }

        double machineMicrosPerRequest() {
            return machineCpuNanos / 1e3 / requests;
        }
    }

    static void auditedRead(ScratchNotes notes, Path dataDir, int port, boolean auditedOnly) throws Exception {
        System.out.println();
        System.out.printf("== One PHI read over HTTPS (GET /test/phi/notes/{id}: select, decrypt, PHI_VIEW entry or not),"
                + " %d keep-alive clients on loopback%n", CLIENTS);
        UUID id = notes.write(PATIENT, "a note of about a hundred characters, standing in for a clinical note body".repeat(1), false);
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(HttpClient.newBuilder().sslContext(PortalProcess.trusting(dataDir)).version(HttpClient.Version.HTTP_1_1).build());
        }
        URI audited = URI.create("https://localhost:" + port + "/test/phi/notes/" + id + "?audit=true");
        URI unaudited = URI.create("https://localhost:" + port + "/test/phi/notes/" + id + "?audit=false");
        // warm-up: the JIT needs thousands of requests on two shared cores
        phase(clients, unaudited, SECONDS, 0);
        double saturated = phase(clients, audited, SECONDS, 0).requests() / SECONDS;
        // Both modes run at the same request rate, below what the audited mode can sustain: CPU per request depends on
        // how busy the machine is (an idle core wakes up for every packet), so comparing closed loops at different
        // rates would charge the audit for the idling its wait for the commit causes.
        double rate = Math.floor(saturated * 0.7 / 10) * 10;
        System.out.printf("paced at %.0f requests/s (70%% of the audited maximum of %.0f/s)%n", rate, saturated);
        if (auditedOnly) { // for a profiler: only the audited requests after the warm-up
            print("auditing on ", phase(clients, audited, SECONDS * 3, rate));
            return;
        }
        List<Phase> off = new ArrayList<>();
        List<Phase> on = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            off.add(phase(clients, unaudited, SECONDS / 2, rate));
            on.add(phase(clients, audited, SECONDS / 2, rate));
        }
        Phase without = merge(off);
        Phase with = merge(on);
        print("auditing off", without);
        print("auditing on ", with);
        double added = with.cpuMicrosPerRequest() - without.cpuMicrosPerRequest();
        System.out.printf("added by the PHI_VIEW entry: %.0f us server CPU per request = %.1f%% of an audited request's server CPU"
                + " (%.1f%% more than unaudited; goal <= 10%%); the audit writer thread alone used %.0f us per audited request;"
                + " wall latency +%.2f ms mean (+%.0f%%)%n", added, 100 * added / with.cpuMicrosPerRequest(),
                100 * added / without.cpuMicrosPerRequest(), with.writerCpuNanos() / 1e3 / with.requests(),
                with.meanMillis() - without.meanMillis(), 100 * (with.meanMillis() - without.meanMillis()) / without.meanMillis());
        double machineAdded = with.machineMicrosPerRequest() - without.machineMicrosPerRequest();
        System.out.printf("whole machine (Hearth, PostgreSQL, the load generator's TLS clients): %.0f us per request added ="
                + " %.1f%% of an audited request%n", machineAdded, 100 * machineAdded / with.machineMicrosPerRequest());
        System.out.println("(server CPU = ThreadMXBean CPU time of every thread in this JVM except the benchmark's clients and"
                + " JDK HttpClient threads: Tomcat request threads incl. TLS, the audit writer, pool threads; not GC, JIT or"
                + " PostgreSQL's own CPU)");
    }

    static void print(String label, Phase phase) {
        System.out.printf("%s: %,d requests in %.1f s (%,.0f/s); latency mean %.2f ms, p50 %.2f ms, p99 %.2f ms;"
                + " server CPU %.0f us per request; whole machine %.0f us per request%n", label, phase.requests(), phase.seconds(),
                phase.requests() / phase.seconds(), phase.meanMillis(), phase.p50Millis(), phase.p99Millis(), phase.cpuMicrosPerRequest(),
                phase.machineMicrosPerRequest());
        if (Boolean.getBoolean("bench.threads")) {
            phase.threadGroupCpuNanos().forEach((group, nanos) -> {
                if (nanos / 1e3 / phase.requests() >= 1) {
                    System.out.printf("    %-40s %6.0f us per request%n", group, nanos / 1e3 / phase.requests());
                }
            });
        }
    }

    static Phase merge(List<Phase> phases) {
        long requests = phases.stream().mapToLong(Phase::requests).sum();
        return new Phase(requests, phases.stream().mapToDouble(Phase::seconds).sum(),
                phases.stream().mapToDouble(p -> p.meanMillis() * p.requests()).sum() / requests,
                phases.stream().mapToDouble(Phase::p50Millis).average().orElse(0), phases.stream().mapToDouble(Phase::p99Millis).max().orElse(0),
                phases.stream().mapToLong(Phase::serverCpuNanos).sum(), phases.stream().mapToLong(Phase::writerCpuNanos).sum(),
                phases.stream().mapToLong(Phase::machineCpuNanos).sum(), phases.stream().flatMap(p -> p.threadGroupCpuNanos().entrySet().stream())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new)));
    }

    /** Runs the clients for a while, each as fast as it can, or all together at {@code rate} requests per second when positive. */
    static Phase phase(List<HttpClient> clients, URI uri, double seconds, double rate) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        Map<Long, Long> before = serverThreadCpu(threads);
        long machineBefore = machineCpuNanos();
        long started = System.nanoTime();
        for (HttpClient client : clients) {
            long offset = workers.size();
            long[] mine = new long[200_000];
            latencies.add(mine);
            Thread worker = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).build();
                long interval = rate > 0 ? (long) (1e9 * clients.size() / rate) : 0;
                long next = System.nanoTime() + interval * offset / clients.size(); // spread out, not in bursts
                int n = 1;
                while (!stop.get() && n < mine.length) {
                    if (interval > 0) {
                        next += interval;
                        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                    }
                    long t0 = System.nanoTime();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                mine[0] = n - 1;
            }, "bench-client");
            workers.add(worker);
            worker.start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<Long, Long> after = serverThreadCpu(threads);
        long machine = machineCpuNanos() - machineBefore;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        long cpu = 0;
        long writer = 0;
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            long delta = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            cpu += delta;
            groups.merge(name(threads, thread.getKey()).replaceAll("[0-9]+", "#"), delta, Long::sum);
            if ("audit-chain-writer".equals(name(threads, thread.getKey()))) {
                writer += delta;
            }
        }
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
        return new Phase(all.length, elapsed, Arrays.stream(all).average().orElse(0) / 1e6, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, cpu, writer, machine, groups);
    }

    /** Busy CPU time of the whole machine (every process, PostgreSQL and the load generator included) from /proc/stat. */
    static long machineCpuNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) { // user nice system irq softirq steal
                busy += Long.parseLong(fields[i]);
            }
            return busy * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU time of every live thread that is not part of the load generator. */
    static Map<Long, Long> serverThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || info.getThreadName().startsWith("bench-") || info.getThreadName().startsWith("HttpClient-")) {
                continue;
            }
            long time = threads.getThreadCpuTime(info.getThreadId());
            if (time >= 0) {
                cpu.put(info.getThreadId(), time);
            }
        }
        return cpu;
    }

    static String name(ThreadMXBean threads, long id) {
        var info = threads.getThreadInfo(id);
        return info == null ? "" : info.getThreadName();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
