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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The real portal in a child JVM with the {@code phi-driver} profile, on a given database and data folder, so a test
 * can kill it with SIGKILL and start it again on the same state. Secrets go through the environment, not the
 * command line. Output goes to a log file beside the data folder.
 */
public final class PortalProcess {

    public static final String PASSPHRASE = "test-only-passphrase-not-secret";

    private final String databaseUrl;
    private final Path dataDir;
    private final int port;
    private final int managementPort;
    private Process process;
    private Path log;
    private int starts;

    public PortalProcess(String databaseUrl, Path dataDir) {
        this.databaseUrl = databaseUrl;
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePort();
        this.managementPort = freePort();
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
        List<String> command = new ArrayList<>(javaCommand(HearthApplication.class.getName()));
        command.addAll(List.of(
                "--spring.profiles.active=phi-driver",
                "--hearth.data-dir=" + dataDir,
                "--hearth.demo.enabled=false",
                "--server.port=" + port,
                "--hearth.base-url=https://localhost:" + port,
                "--hearth.http.redirect-port=-1",
                "--management.server.port=" + managementPort,
                "--spring.datasource.hikari.maximum-pool-size=10"));
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

    /** java, the test JVM's class path (target/classes, target/test-classes and every dependency), the main class. */
    private static List<String> javaCommand(String mainClass) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
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
