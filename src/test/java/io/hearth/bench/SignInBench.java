package io.hearth.bench;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.phi.RequestCpuMeter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in latency through the real HTTPS stack, both steps (password form, then an authenticator code), against one
 * Argon2id verification measured in the same run. Each account signs in once, since a code works only once.
 */
final class SignInBench {

    private static final String PASSWORD = "harbor-lantern-quilt-42";

    private SignInBench() {
    }

    static void run(ConfigurableApplicationContext portal, Path dataDir, int port) throws Exception {
        System.out.println();
        System.out.println("== Sign-in (password + authenticator code) over HTTPS, each account once");
        Accounts accounts = portal.getBean(Accounts.class);
        SecondFactors secondFactors = portal.getBean(SecondFactors.class);
        int needed = 160;
        ConcurrentLinkedQueue<String[]> people = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < needed; i++) {
            String username = "timing.person." + i;
            accounts.create(username, "Bench Person", PASSWORD.toCharArray(), EnumSet.of(Role.PATIENT));
            String secret = secondFactors.newAuthenticatorSecret();
            secondFactors.enrolAuthenticatorApp(username, secret, TestAccounts.codeAt(secret, Instant.now().minusSeconds(30)));
            people.add(new String[] { username, secret });
        }

        PasswordEncoder encoder = portal.getBean(PasswordEncoder.class);
        String hash = encoder.encode(PASSWORD);
        for (int i = 0; i < 5; i++) {
            encoder.matches(PASSWORD, hash);
        }
        long started = System.nanoTime();
        int verifications = 20;
        for (int i = 0; i < verifications; i++) {
            encoder.matches(PASSWORD, hash);
        }
        double hashMillis = (System.nanoTime() - started) / 1e6 / verifications;
        System.out.printf("one Argon2id verification (19 MiB, 2 passes): %.1f ms%n", hashMillis);

        signIns(people, dataDir, port, 2, 8); // warm-up
        for (String step : STEP_REQUESTS) {
            portal.getBean(RequestCpuMeter.class).takeMeanMillis(step);
        }
        for (int clients : new int[] { 1, 8 }) {
            List<Double> latencies = signIns(people, dataDir, port, clients, clients == 1 ? 20 : 64);
            double mean = latencies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            List<Double> sorted = latencies.stream().sorted().toList();
            System.out.printf("%d client(s): %d sign-ins, mean %.1f ms, p50 %.1f ms, p95 %.1f ms = %.2f x the hash%n", clients,
                    latencies.size(), mean, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), mean / hashMillis);
            StringBuilder breakdown = new StringBuilder("    mean per step:");
            for (int step = 0; step < STEPS.length; step++) {
                breakdown.append(String.format(" %s %.1f ms;", STEPS[step], steps[step].stream().mapToDouble(Double::doubleValue).average().orElse(0)));
            }
            System.out.println(breakdown);
            RequestCpuMeter meter = portal.getBean(RequestCpuMeter.class);
            StringBuilder cpu = new StringBuilder("    CPU on the request's thread (filters in, handler, page, filters out):");
            for (String step : STEP_REQUESTS) {
                double[] segments = meter.takeSegments(step);
                cpu.append(String.format(" %s %.1f ms (%.1f, %.1f, %.1f, %.1f);", step, meter.takeMeanMillis(step), segments[0], segments[1],
                        segments[2], segments[3]));
            }
            System.out.println(cpu);
        }
    }

    private static final String[] STEP_REQUESTS = { "GET /signin", "POST /signin", "GET /signin/second-factor", "POST /signin/second-factor" };

    private static final String[] STEPS = { "GET /signin", "POST /signin (password)", "GET /signin/second-factor", "POST code" };

    @SuppressWarnings("unchecked")
    private static final List<Double>[] steps = new List[] { new CopyOnWriteArrayList<Double>(), new CopyOnWriteArrayList<Double>(),
            new CopyOnWriteArrayList<Double>(), new CopyOnWriteArrayList<Double>() };

    private static List<Double> signIns(ConcurrentLinkedQueue<String[]> people, Path dataDir, int port, int clients, int total)
            throws InterruptedException {
        for (List<Double> step : steps) {
            step.clear();
        }
        List<Double> latencies = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(total);
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (remaining.getAndDecrement() > 0) {
                    String[] person = people.poll();
                    if (person == null) {
                        return;
                    }
                    PortalClient client = new PortalClient(port, dataDir);
                    client.get("/signin");
                    long[] t = new long[5];
                    t[0] = System.nanoTime();
                    String signInPage = client.get("/signin").body();
                    t[1] = System.nanoTime();
                    HttpResponse<String> password = client.postForm("/signin", "username=" + person[0] + "&password=" + PASSWORD
                            + "&_csrf=" + PortalClient.csrfToken(signInPage));
                    t[2] = System.nanoTime();
                    String codePage = client.get("/signin/second-factor").body();
                    t[3] = System.nanoTime();
                    HttpResponse<String> code = client.postForm("/signin/second-factor", "code="
                            + TestAccounts.codeAt(person[1], Instant.now()) + "&_csrf=" + PortalClient.csrfToken(codePage));
                    t[4] = System.nanoTime();
                    double millis = (t[4] - t[0]) / 1e6;
                    boolean signedIn = !password.headers().firstValue("Location").orElse("error").contains("error")
                            && !code.headers().firstValue("Location").orElse("error").contains("error");
                    if (!signedIn) {
                        throw new IllegalStateException("a benchmark sign-in failed");
                    }
                    for (int step = 0; step < 4; step++) {
                        steps[step].add((t[step + 1] - t[step]) / 1e6);
                    }
                    latencies.add(millis);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return latencies;
    }
}
