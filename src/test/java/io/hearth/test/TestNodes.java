package io.hearth.test;

import io.hearth.HearthApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole portal nodes on one database, as separate processes behind a load balancer would be (what PortalTest sets, per node). */
public final class TestNodes {

    private TestNodes() {
    }

    /** A node with its web server on a random port, the test clock, test accounts and GreenMail. */
    public static ConfigurableApplicationContext start(String database) {
        return start(database, "target/it-data");
    }

    /** The same with a data folder of its own and these extra settings ("spring.profiles.active=phi-driver", say). */
    public static ConfigurableApplicationContext start(String database, String dataDir, String... extraSettings) {
        Map<String, Object> settings = settings(database, dataDir);
        settings.put("server.port", "0");
        settings.put("hearth.http.redirect-port", "0");
        settings.put("management.server.port", "0");
        for (String setting : extraSettings) {
            settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        return new SpringApplicationBuilder(HearthApplication.class, TestSupport.class).run(arguments(settings));
    }

    /** What every node of a test has (PortalTest's settings): its database and data folder, demo off, GreenMail. */
    public static Map<String, Object> settings(String database, String dataDir) {
        Map<String, Object> settings = new LinkedHashMap<>(TestDatabase.settings(database));
        settings.put("hearth.data-dir", dataDir);
        settings.put("hearth.demo.enabled", "false");
        settings.put("hearth.base-url", "https://portal.test");
        settings.put("spring.datasource.hikari.maximum-pool-size", "5");
        settings.put("hearth.crypto.master-passphrase", "test-only-passphrase-not-secret");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(TestMail.server().getSmtp().getPort()));
        return settings;
    }

    /** The settings as command-line arguments. */
    public static String[] arguments(Map<String, Object> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
