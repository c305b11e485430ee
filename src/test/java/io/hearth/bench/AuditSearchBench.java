package io.hearth.bench;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditCounts;
import io.hearth.audit.AuditOutcome;
import io.hearth.audit.AuditSearch;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.identity.SecondFactors;
import io.hearth.test.PortalClient;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The security officer's two questions on a trail of 1,000,000 entries: every patient one user opened in a period,
 * and everyone who opened one patient's record. The entries are made in SQL as the owner role, with the chain trigger
 * off for the load (the hashes are placeholders: this measures search, not the chain).
 */
final class AuditSearchBench {

    private static final int ENTRIES = 1_000_000;
    private static final String PASSWORD = "harbor-lantern-quilt-42";

    private AuditSearchBench() {
    }

    static void run(ConfigurableApplicationContext portal, String databaseUrl, Path dataDir, int port) throws Exception {
        System.out.println();
        System.out.printf("== Audit search on %,d entries (200 staff, 5,000 patients, one year)%n", ENTRIES);
        JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
        long started = System.nanoTime();
        try (Connection owner = DriverManager.getConnection(databaseUrl, TestDatabase.user(), TestDatabase.password());
                Statement sql = owner.createStatement()) {
            sql.execute("alter table audit_entry disable trigger audit_entry_extends_head");
            sql.execute("""
                    insert into audit_entry (seq, occurred_at, actor_id, actor_roles, action, outcome, patient_id, object_type, object_id,
                        reason, client_address, request_id, session_hash, prev_hash, entry_hash)
                    select h.last_seq + g, now() - (g % 525600) * interval '1 minute', 'staff.' || (g % 200), 'PROVIDER',
                        case when g % 10 = 0 then 'PHI_CHANGE' else 'PHI_VIEW' end, 'SUCCESS',
                        md5('patient' || ((g::bigint * 7919) % 5000))::uuid, 'observation', md5(g::text), null, '10.0.0.' || (g % 250),
                        null, null, 'bench', 'bench'
                    from audit_head h, generate_series(1, ENTRIES) g where h.chain_id = 1""".replace("ENTRIES", String.valueOf(ENTRIES)));
            sql.execute("update audit_head set last_seq = (select max(seq) from audit_entry), last_hash = 'bench' where chain_id = 1");
            sql.execute("alter table audit_entry enable trigger audit_entry_extends_head");
            sql.execute("analyze audit_entry");
        }
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);

        AuditSearch search = portal.getBean(AuditSearch.class);
        UUID patient = jdbc.queryForObject("select md5('patient42')::uuid", UUID.class);
        Instant to = Instant.now();
        Instant from = to.minus(90, ChronoUnit.DAYS);
        var byUser = new AuditSearch.Filter("staff.17", null, AuditAction.PHI_VIEW, null, from, to);
        var byPatient = new AuditSearch.Filter(null, patient, null, null, null, null);
        for (int i = 0; i < 3; i++) { // warm-up
            search.page(byUser, null, 101);
            search.page(byPatient, null, 101);
        }
        System.out.printf("first page (100) of one user's PHI views over 90 days: %.1f ms%n", millis(() -> search.page(byUser, null, 101)));
        System.out.printf("first page (100) of everyone who opened one patient: %.1f ms%n", millis(() -> search.page(byPatient, null, 101)));
        int[] rows = new int[1];
        double all = millis(() -> rows[0] = search.each(byUser, entry -> { }));
        System.out.printf("every entry of that user over 90 days (%,d, as the CSV export reads them): %.1f ms%n", rows[0], all);
        double allPatient = millis(() -> rows[0] = search.each(byPatient, entry -> { }));
        System.out.printf("every entry for that patient (%,d): %.1f ms%n", rows[0], allPatient);

        AuditCounts counts = portal.getBean(AuditCounts.class);
        var lastHour = new AuditCounts.Query(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS, AuditCounts.Key.ACTOR, null, true,
                to.minus(1, ChronoUnit.HOURS), to, 1, null);
        for (int i = 0; i < 3; i++) { // warm-up
            counts.count(lastHour);
        }
        System.out.printf("the alert detector's count (different patients per user over the last hour): %.1f ms%n",
                millis(() -> counts.count(lastHour)));

        Accounts accounts = portal.getBean(Accounts.class);
        SecondFactors secondFactors = portal.getBean(SecondFactors.class);
        accounts.create("bench.officer", "Bench Officer", PASSWORD.toCharArray(), EnumSet.of(Role.SECURITY_OFFICER));
        String secret = secondFactors.newAuthenticatorSecret();
        secondFactors.enrolAuthenticatorApp("bench.officer", secret, TestAccounts.codeAt(secret, Instant.now().minusSeconds(30)));
        PortalClient client = new PortalClient(port, dataDir);
        client.signInPasswordOnly("bench.officer", PASSWORD);
        client.submitSecondFactor(TestAccounts.codeAt(secret, Instant.now()));
        ZoneId zone = ZoneId.of("America/New_York");
        String page = "/audit?user=staff.17&action=PHI_VIEW&from=" + LocalDate.now(zone).minusDays(90) + "&to=" + LocalDate.now(zone);
        String patientPage = "/audit?patient=" + patient;
        for (int i = 0; i < 3; i++) {
            check(client.get(page));
            check(client.get(patientPage));
        }
        System.out.printf("over HTTPS as the security officer: the user's page %.1f ms, the patient's page %.1f ms%n",
                millis(() -> check(client.get(page))), millis(() -> check(client.get(patientPage))));
        double csv = millis(() -> check(client.get("/audit/export.csv?user=staff.17&action=PHI_VIEW&from=" + LocalDate.now(zone).minusDays(90))));
        System.out.printf("CSV export of the user's 90 days over HTTPS: %.1f ms (goal for the questions: < 1,000 ms)%n", csv);
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("audit search answered " + response.statusCode());
        }
    }

    /** The median of five runs, in milliseconds. */
    private static double millis(Runnable action) {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            action.run();
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(times);
        return times[2];
    }
}
