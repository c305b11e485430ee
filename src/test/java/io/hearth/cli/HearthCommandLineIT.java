package io.hearth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.HearthApplication;
import io.hearth.test.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HearthCommandLineIT {

    @TempDir
    Path temp;

    static String[] withSettings(List<String> arguments, Map<String, Object> settings) {
        List<String> all = new ArrayList<>(arguments);
        settings.forEach((key, value) -> all.add("--" + key + "=" + value));
        all.add("--hearth.crypto.master-passphrase=test-only-passphrase-not-secret");
        return all.toArray(String[]::new);
    }

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = HearthCommandLine.commandLine(HearthApplication.class);
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("serve", "admin", "keys", "audit", "import");
        assertThat(commandLine.getSubcommands().get("keys").getSubcommands()).containsKeys("status", "rotate", "reencrypt", "export-backup");
        assertThat(commandLine.getSubcommands().get("audit").getSubcommands()).containsKeys("verify");
        assertThat(commandLine.getSubcommands().get("admin").getSubcommands()).containsKeys("create");
    }

    @Test
    void importStoresTheBundlesOfAFolderWithProgressAndNamesTheOneItRefused() throws Exception {
        String database = TestDatabase.createDatabase();
        Path folder = Files.createDirectories(temp.resolve("bundles"));
        for (Path file : io.hearth.test.SyntheaBundles.all()) {
            String name = file.getFileName().toString();
            if (name.startsWith("hospitalInformation") || name.startsWith("Leatrice181")) {
                Files.copy(file, folder.resolve(name));
            }
        }
        Files.writeString(folder.resolve("broken.json"), "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HearthCommandLine.commandLine(HearthApplication.class);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(withSettings(List.of("import", folder.toString(), "--hearth.data-dir=" + temp),
                TestDatabase.settings(database)));

        assertThat(exit).as("one bundle refused").isEqualTo(1);
        assertThat(err.toString()).contains("broken.json", "not valid FHIR JSON");
        assertThat(out.toString()).contains("Imported 2 of 3 bundle(s), 402 resources.", " resources, ", "/s, ETA ", "100%",
                "Observation=168", "Organization=45", "Provenance=1");
        try (var connection = DriverManager.getConnection(database, TestDatabase.onPostgres() ? TestDatabase.user() : "sa",
                TestDatabase.onPostgres() ? TestDatabase.password() : "");
                ResultSet count = connection.createStatement().executeQuery("select count(*) from record_entry where kind = 'OBSERVATION'")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isEqualTo(168);
        }
        if (TestDatabase.onPostgres()) {
            try (var connection = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
                    ResultSet planned = connection.createStatement().executeQuery(
                            "select reltuples, (select count(*) from record_entry) from pg_class where relname = 'record_entry'")) {
                assertThat(planned.next()).isTrue();
                assertThat(planned.getLong(1)).as("the planner knows the rows imported (ANALYZE after the import)").isEqualTo(planned.getLong(2));
            }
        }
    }

    @Test
    void importRefusesAGzipBombAtTheBundleSizeLimitQuicklyWithoutReadingItAll() throws Exception {
        String database = TestDatabase.createDatabase();
        Path bomb = temp.resolve("bomb.json.gz");
        try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
            gzip.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int megabytes = 0; megabytes < 512; megabytes++) {
                gzip.write(spaces);
            }
        }
        StringWriter err = new StringWriter();
        CommandLine commandLine = HearthCommandLine.commandLine(HearthApplication.class);
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        long started = System.nanoTime();

        int exit = commandLine.execute(withSettings(List.of("import", bomb.toString(), "--hearth.data-dir=" + temp),
                TestDatabase.settings(database)));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("bomb.json.gz", "nothing of it stored", "larger than 33554432 bytes", "--max-bundle-size");
        assertThat(Files.size(bomb)).as("half a megabyte that grows to 512 MB").isLessThan(1 << 20);
        System.out.printf("import refused a %,d-byte gzip bomb of 512 MB in %.1f s (with the start of Hearth)%n", Files.size(bomb),
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    void importRefusesABundleOverTheConfiguredLimitUnlessTheFlagRaisesIt() throws Exception {
        String database = TestDatabase.createDatabase();
        Path bundle = io.hearth.test.SyntheaBundles.patient("Leatrice181");
        Map<String, Object> settings = new java.util.HashMap<>(TestDatabase.settings(database));
        settings.put("hearth.fhir.max-bundle-size", "64KB");
        StringWriter err = new StringWriter();
        CommandLine refusing = HearthCommandLine.commandLine(HearthApplication.class);
        refusing.setOut(new PrintWriter(new StringWriter()));
        refusing.setErr(new PrintWriter(err));
        StringWriter out = new StringWriter();
        CommandLine raised = HearthCommandLine.commandLine(HearthApplication.class);
        raised.setOut(new PrintWriter(out));

        int refused = refusing.execute(withSettings(List.of("import", bundle.toString(), "--hearth.data-dir=" + temp), settings));
        int imported = raised.execute(withSettings(List.of("import", "--max-bundle-size=2MB", bundle.toString(), "--hearth.data-dir=" + temp),
                settings));

        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("larger than 65536 bytes", "--max-bundle-size");
        assertThat(imported).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Imported 1 of 1 bundle(s)");
    }

    @Test
    void adminCreateMakesTheFirstAdministratorWithAPasswordFromAFile() throws Exception {
        String database = TestDatabase.createDatabase();
        Path passwordFile = Files.writeString(temp.resolve("password"), "granite-orchid-lighthouse-64\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HearthCommandLine.commandLine(HearthApplication.class);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(withSettings(List.of("admin", "create", "--username", "first.admin", "--name", "First Admin",
                "--password-file", passwordFile.toString(), "--hearth.data-dir=" + temp), TestDatabase.settings(database)));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Created administrator first.admin");
        try (var connection = DriverManager.getConnection(database, TestDatabase.onPostgres() ? TestDatabase.user() : "sa",
                TestDatabase.onPostgres() ? TestDatabase.password() : "");
                ResultSet roles = connection.createStatement().executeQuery(
                        "select r.role from account a join account_role r on r.account_id = a.id where a.username_key = 'first.admin'")) {
            assertThat(roles.next()).isTrue();
            assertThat(roles.getString(1)).isEqualTo("ADMIN");
            ResultSet audit = connection.createStatement().executeQuery(
                    "select action, actor_id from audit_entry where action in ('ACCOUNT_CREATED', 'ADMIN_ACTION') order by seq");
            assertThat(audit.next()).isTrue();
            assertThat(audit.getString("action")).isEqualTo("ACCOUNT_CREATED");
            assertThat(audit.next()).isTrue();
            assertThat(audit.getString("action")).isEqualTo("ADMIN_ACTION");
            assertThat(audit.getString("actor_id")).startsWith("system:command-line:");
        }
    }

    @Test
    void adminCreateRefusesAWeakPasswordAndSaysWhy() throws Exception {
        String database = TestDatabase.createDatabase();
        Path passwordFile = Files.writeString(temp.resolve("password"), "password1234\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = HearthCommandLine.commandLine(HearthApplication.class);
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute(withSettings(List.of("admin", "create", "--username", "weak.admin", "--name", "Weak Admin",
                "--password-file", passwordFile.toString(), "--hearth.data-dir=" + temp), TestDatabase.settings(database)));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Not created", "too easy to guess");
    }
}
