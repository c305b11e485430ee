package io.hearth.test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** One real SMTP server (GreenMail) for the test JVM; every portal context sends its mail there. */
public class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = server().getSmtp().getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port)));
    }
}
