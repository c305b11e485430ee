package io.hearth.test.phi;

import io.hearth.HearthApplication;
import io.hearth.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The real portal in a child JVM with the {@code phi-driver} profile, on a given database and data folder, so a test
 * can kill it with SIGKILL and start it again on the same state, or give it a heap of its own. Secrets go through the
 * environment, not the command line. Output goes to a log file beside the data folder.
 */
public final class PortalProcess {

    public static final String PASSPHRASE = "test-only-passphrase-not-secret";

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final String databaseUrl;
    private final Path dataDir;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;
    private Process process;
    private Path log;
    private int starts;

    public PortalProcess(String databaseUrl, Path dataDir) {
        this(databaseUrl, dataDir, List.of("-Xmx512m"), Map.of());
    }

    /**
     * A portal whose JVM has these options ({@code -Xmx384m}, say) and these settings over the defaults of
     * {@link #start()} ({@code hearth.demo.enabled=true}, say); the offline commands get the same JVM options.
     */
    public PortalProcess(String databaseUrl, Path dataDir, List<String> jvmOptions, Map<String, String> settings) {
        this.databaseUrl = databaseUrl;
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePort();
        this.managementPort = freePort();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = Map.copyOf(settings);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Process process() {
        return process;
    }

    /** Starts the portal and waits until it is ready (readiness state, which follows the start-up runners). */
    public void start() throws IOException, InterruptedException {
        starts++;
        log = dataDir.resolveSibling(dataDir.getFileName() + "-portal-" + starts + ".log");
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("spring.profiles.active", "phi-driver");
        arguments.put("hearth.data-dir", dataDir.toString());
        arguments.put("hearth.demo.enabled", "false");
        arguments.put("server.port", String.valueOf(port));
        arguments.put("hearth.base-url", "https://localhost:" + port);
        arguments.put("hearth.http.redirect-port", "-1");
        arguments.put("management.server.port", String.valueOf(managementPort));
        arguments.put("spring.datasource.hikari.maximum-pool-size", "10");
        // replaced, not appended: Spring joins a repeated command-line setting into "false,true"
        arguments.putAll(settings);
        List<String> command = new ArrayList<>(javaCommand(HearthApplication.class.getName()));
        arguments.forEach((name, value) -> command.add("--" + name + "=" + value));
        process = builder(command).redirectOutput(log.toFile()).start();
        awaitReady(Duration.ofSeconds(180));
    }

    /** Runs an offline command (e.g. {@code audit verify}) on the same database and data folder; its exit code. */
    public CommandResult runCommand(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand(HearthApplication.class.getName()));
        command.addAll(List.of(arguments));
        command.add("--hearth.data-dir=" + dataDir);
        command.add("--hearth.demo.enabled=false");
        Path output = dataDir.resolveSibling(dataDir.getFileName() + "-" + String.join("-", arguments).replaceAll("[^a-z-]", "") + ".log");
        Process offline = builder(command).redirectOutput(output.toFile()).start();
        if (!offline.waitFor(180, TimeUnit.SECONDS)) {
            offline.destroyForcibly();
            throw new IllegalStateException("offline command did not finish; see " + output);
        }
        return new CommandResult(offline.exitValue(), Files.readString(output));
    }

    public record CommandResult(int exitCode, String output) {
    }

    /**
     * Kills the portal with SIGKILL: on Linux {@link Process#destroyForcibly()} sends signal 9, so no shutdown hook,
     * graceful shutdown or finally block runs. Returns the exit value (137 = 128 + 9).
     */
    public int killHard() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Stops the portal gracefully (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The heap the portal holds live: a full collection ({@code jcmd GC.run}, i.e. System.gc()), then the heap's
     * "used" figure ({@code jcmd GC.heap_info}).
     */
    public long liveHeapBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info did not name the heap in use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), what)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + what + " failed: " + output);
        }
        return output;
    }

    /** The whole log of the latest start. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** An HTTPS client that trusts exactly this portal's self-signed certificate; HTTP/1.1, keep-alive. */
    public HttpClient client() {
        return HttpClient.newBuilder().sslContext(trusting(dataDir)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    public static SSLContext trusting(Path dataDir) {
        return io.hearth.test.PortalClient.trusting(dataDir);
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue() + " during start-up:\n" + logTail());
            }
            try {
                if (plain.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the portal did not become ready in " + timeout + ":\n" + logTail());
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        Map<String, Object> db = TestDatabase.settings(databaseUrl);
        env.put("HEARTH_DB_URL", (String) db.get("hearth.db.url"));
        env.put("HEARTH_DB_USERNAME", (String) db.get("hearth.db.username"));
        env.put("HEARTH_DB_PASSWORD", (String) db.get("hearth.db.password"));
        env.put("HEARTH_DB_OWNER_USERNAME", (String) db.get("hearth.db.owner-username"));
        env.put("HEARTH_DB_OWNER_PASSWORD", (String) db.get("hearth.db.owner-password"));
        env.put("HEARTH_MASTER_PASSPHRASE", PASSPHRASE);
        return builder;
    }

    /**
     * java with this portal's JVM options, the test JVM's class path (target/classes, target/test-classes and every
     * dependency), the main class.
     */
    private List<String> javaCommand(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        String security = System.getProperty("java.security.properties");
        if (security != null) {
            command.add("-Djava.security.properties=" + security);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return command;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
