package io.hearth.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A PostgreSQL database migrated once per test JVM, which {@link TestDatabase} copies (create database ... template)
 * for each portal context instead of migrating an empty one each time. It is migrated by Spring Boot's own Flyway
 * auto-configuration reading application.yml (locations, the app_role placeholder, the owner role, the afterMigrate
 * grants), so it is exactly what the portal makes on start; the portal's Flyway then validates and finds nothing to do.
 * Copying needs nobody connected to the template: the migration's connections are closed with its context, and the
 * template refuses connections after that. Its random name keeps other test JVMs (forks, other builds) off it.
 */
final class MigratedTemplate {

    private static final Logger log = LoggerFactory.getLogger(MigratedTemplate.class);
    private static String name;

    private MigratedTemplate() {
    }

    /** The template's name, made and migrated on first use. */
    static synchronized String name() {
        if (name == null) {
            long started = System.nanoTime();
            String template = TestDatabase.create("hearth_it_tpl_", null);
            migrate(TestDatabase.serverUrl() + template);
            refuseConnections(template);
            log.info("Test database template {} migrated in {} ms", template, (System.nanoTime() - started) / 1_000_000);
            name = template;
        }
        return name;
    }

    private static void migrate(String url) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withPropertyValues(TestDatabase.settings(url).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        throw new IllegalStateException("Could not migrate the test database template", context.getStartupFailure());
                    }
                });
    }

    private static void refuseConnections(String template) {
        try (Connection admin = DriverManager.getConnection(TestDatabase.serverUrl() + "postgres", TestDatabase.user(), TestDatabase.password())) {
            admin.createStatement().execute("alter database " + template + " with allow_connections false");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the test database template " + template + " to connections", e);
        }
    }
}
