package io.hearth.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fresh PostgreSQL database for each test context, dropped when the test JVM ends: a copy of a template migrated
 * once per JVM ({@link MigratedTemplate}), so a context's Flyway only validates. Settings come from
 * HEARTH_TEST_PG_URL (the server, default jdbc:postgresql://127.0.0.1:5432/), HEARTH_TEST_PG_USER and
 * HEARTH_TEST_PG_PASSWORD (default hearth_test, a role with CREATEDB). Without a reachable server the tests fall
 * back to in-memory H2 with a loud warning, unless HEARTH_TEST_REQUIRE_POSTGRES=true.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Boolean postgresReachable;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
    }

    public static String serverUrl() {
        String url = System.getenv().getOrDefault("HEARTH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        return url.endsWith("/") ? url : url + "/";
    }

    public static String user() {
        return System.getenv().getOrDefault("HEARTH_TEST_PG_USER", "hearth_test");
    }

    public static String password() {
        return System.getenv().getOrDefault("HEARTH_TEST_PG_PASSWORD", "hearth_test");
    }

    public static boolean postgresRequired() {
        return Boolean.parseBoolean(System.getenv("HEARTH_TEST_REQUIRE_POSTGRES"));
    }

    /** The role the portal connects as; the owner role ({@link #user()}) runs the migrations. */
    public static String appUser() {
        return System.getenv().getOrDefault("HEARTH_TEST_PG_APP_USER", "hearth_test_app");
    }

    public static String appPassword() {
        return System.getenv().getOrDefault("HEARTH_TEST_PG_APP_PASSWORD", "hearth_test_app");
    }

    /** A test's own port for the portal to reach the database through (a {@link TcpForwarder}), set as a dynamic property. */
    public static final String PORT_OVERRIDE = "hearth.test.database-port";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = createMigratedDatabase();
        String port = context.getEnvironment().getProperty(PORT_OVERRIDE);
        if (port != null) {
            url = url.replaceFirst("//([^/:]+):\\d+/", "//127.0.0.1:" + port + "/");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", settings(url)));
    }

    /** The hearth.db.* settings for a database made by {@link #createDatabase()}. */
    public static Map<String, Object> settings(String url) {
        boolean postgres = postgresReachable();
        return Map.of(
                "hearth.db.url", url,
                "hearth.db.username", postgres ? appUser() : "sa",
                "hearth.db.password", postgres ? appPassword() : "",
                "hearth.db.owner-username", postgres ? user() : "sa",
                "hearth.db.owner-password", postgres ? password() : "");
    }

    /** A new empty database (the portal migrates it on start); its JDBC URL. */
    public static String createDatabase() {
        return postgresReachable() ? serverUrl() + create("hearth_it_", null) : inMemory();
    }

    /**
     * A new database the portal's migrations have already run on, copied from the JVM's template; its JDBC URL. On H2
     * an empty one, which the portal migrates on start.
     */
    public static String createMigratedDatabase() {
        return postgresReachable() ? serverUrl() + create("hearth_it_", MigratedTemplate.name()) : inMemory();
    }

    private static String inMemory() {
        return "jdbc:h2:mem:" + randomName("hearth_it_") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** A new PostgreSQL database named with this prefix, empty or a copy of the template, dropped at JVM exit; its name. */
    static String create(String prefix, String template) {
        String name = randomName(prefix);
        try (Connection admin = DriverManager.getConnection(serverUrl() + "postgres", user(), password())) {
            admin.createStatement().execute("create database " + name + (template == null ? "" : " template " + template));
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return name;
    }

    private static String randomName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * A PostgreSQL client program (pg_dump, pg_restore) run as the owner role against the test server, as an operator
     * would; its output, standard error included. Fails unless it exits with 0 within two minutes.
     */
    public static String runAsOwner(String program, String... arguments) {
        java.net.URI server = java.net.URI.create(serverUrl().substring("jdbc:".length()));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(program, "--host=" + server.getHost(),
                "--port=" + server.getPort(), "--username=" + user()));
        command.addAll(java.util.List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed: " + output);
            }
            return output;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(program + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " was interrupted", e);
        }
    }

    /** A new empty database reached as its owner, for a test of one migration (see {@link #migrate}). */
    public static org.springframework.jdbc.datasource.DriverManagerDataSource newDatabaseAsOwner() {
        Map<String, Object> settings = settings(createDatabase());
        return new org.springframework.jdbc.datasource.DriverManagerDataSource((String) settings.get("hearth.db.url"),
                (String) settings.get("hearth.db.owner-username"), (String) settings.get("hearth.db.owner-password"));
    }

    /**
     * Migrates up to the target ({@code "46"}, or {@code "latest"}) as the owner, who is also the app role here: the
     * grants (afterMigrate.sql) expect every table made.
     */
    public static void migrate(org.springframework.jdbc.datasource.DriverManagerDataSource owner, String target) {
        org.flywaydb.core.Flyway.configure().dataSource(owner)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (onPostgres() ? "postgresql" : "h2"))
                .placeholders(Map.of("app_role", owner.getUsername())).target(target).load().migrate();
    }

    public static boolean onPostgres() {
        return postgresReachable();
    }

    private static synchronized boolean postgresReachable() {
        if (postgresReachable == null) {
            try (Connection ignored = DriverManager.getConnection(serverUrl() + "postgres", user(), password())) {
                postgresReachable = true;
            } catch (SQLException e) {
                if (postgresRequired()) {
                    throw new IllegalStateException("HEARTH_TEST_REQUIRE_POSTGRES=true but PostgreSQL at " + serverUrl()
                            + " is not reachable as " + user() + ": " + e.getMessage(), e);
                }
                log.warn("""

                        ************************************************************************
                        PostgreSQL at {} is not reachable ({}).
                        Integration tests are FALLING BACK TO H2. Production runs on PostgreSQL:
                        start it (see .ci/run) or set HEARTH_TEST_REQUIRE_POSTGRES=true.
                        ************************************************************************""", serverUrl(), e.getMessage());
                postgresReachable = false;
            }
        }
        return postgresReachable;
    }

    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(serverUrl() + "postgres", user(), password())) {
            for (String name : CREATED) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop test databases: {}", e.getMessage());
        }
    }
}
