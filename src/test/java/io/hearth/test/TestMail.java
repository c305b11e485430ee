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

    /**
     * The first group of the pattern in the newest email to the address (waiting for it as {@link #messagesTo} does),
     * read with quoted-printable soft breaks and escapes undone: how a test follows a link it was emailed.
     */
    public static String linkIn(String address, java.util.regex.Pattern pattern) {
        java.util.List<jakarta.mail.internet.MimeMessage> received = messagesTo(address, 1);
        for (int i = received.size() - 1; i >= 0; i--) {
            java.util.regex.Matcher link = pattern.matcher(decoded(com.icegreen.greenmail.util.GreenMailUtil.getBody(received.get(i))));
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no email to " + address + " holds " + pattern);
    }

    /** The text with quoted-printable soft breaks and escapes undone. */
    public static String decoded(String raw) {
        return raw.replace("=\r\n", "").replace("=3D", "=");
    }

    /** Waits (up to 10 s, polling) until the address has received at least {@code count} emails; returns them. */
    public static java.util.List<jakarta.mail.internet.MimeMessage> messagesTo(String address, int count) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            java.util.List<jakarta.mail.internet.MimeMessage> received = java.util.Arrays.stream(server().getReceivedMessages())
                    .filter(message -> {
                        try {
                            return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
                        } catch (jakarta.mail.MessagingException e) {
                            return false;
                        }
                    }).toList();
            if (received.size() >= count || System.nanoTime() > deadline) {
                return received;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return received;
            }
        }
    }

    /**
     * The emails to the address whose subject contains this text, once the outbox has nothing left to send (waiting up
     * to 15 s for it).
     */
    public static java.util.List<jakarta.mail.internet.MimeMessage> noticesTo(org.springframework.jdbc.core.JdbcTemplate jdbc, String address,
            String subjectPart) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (jdbc.queryForObject("select count(*) from notice where status = 'PENDING'", Long.class) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return messagesTo(address, 0).stream().filter(mail -> {
            try {
                return mail.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = server().getSmtp().getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", port)));
    }
}
