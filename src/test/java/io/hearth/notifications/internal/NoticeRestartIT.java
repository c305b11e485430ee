package io.hearth.notifications.internal;

import static io.hearth.notifications.internal.NoticeDeliveryIT.closedPort;
import static io.hearth.notifications.internal.NoticeDeliveryIT.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hearth.HearthApplication;
import io.hearth.notifications.Notice;
import io.hearth.notifications.NoticeType;
import io.hearth.notifications.Notices;
import io.hearth.test.TestDatabase;
import io.hearth.test.TestMail;
import io.hearth.test.TestNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "SMTP down" fault across a restart and with two nodes: separate application contexts on one PostgreSQL
 * database, as separate portal processes would be. Nobody waits for a schedule except in the last step, which checks
 * that a fresh node with its background sender delivers on its own.
 */
class NoticeRestartIT {

    @Test
    void noticesQueuedWhileSmtpIsDownGoOutExactlyOnceAfterARestartAndWithTwoNodes() throws Exception {
        String database = TestDatabase.createMigratedDatabase();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = IntStream.range(0, 20).mapToObj(i -> "restart" + i + "-" + batch + "@example.test").toList();

        // node A: SMTP is down; the caller's actions succeed, the first attempt fails and the node stops
        try (ConfigurableApplicationContext nodeA = node(database, closedPort(), false)) {
            inTransaction(nodeA, () -> nodeA.getBean(Notices.class).queue(notice(recipients.get(0))));
            NoticeSender.Run down = nodeA.getBean(NoticeSender.class).sendDue();
            assertThat(down.retrying()).isEqualTo(1);
            inTransaction(nodeA, () -> recipients.subList(1, recipients.size()).forEach(to -> nodeA.getBean(Notices.class).queue(notice(to))));
            // as if node A had died right after claiming one notice: its lease has lapsed by the time others look
            nodeA.getBean(JdbcTemplate.class).update("""
                    update notice set claim_token = ?, claimed_until = ?, attempts = attempts + 1
                     where id = (select id from notice where attempts = 0 order by id limit 1)""",
                    UUID.randomUUID(), java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
        }
        assertThat(recipients).allSatisfy(to -> assertThat(received(to)).isEmpty());

        // nodes B and C: SMTP is back; both run their senders at the same moment on the same outbox
        try (ConfigurableApplicationContext nodeB = node(database, TestMail.server().getSmtp().getPort(), false);
                ConfigurableApplicationContext nodeC = node(database, TestMail.server().getSmtp().getPort(), false)) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (ConfigurableApplicationContext node : List.of(nodeB, nodeC)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    int sent = 0;
                    for (int i = 0; i < 3; i++) {
                        sent += node.getBean(NoticeSender.class).sendDue().sent();
                    }
                    return sent;
                }));
            }
            int sentB = runs.get(0).get();
            int sentC = runs.get(1).get();

            assertThat(sentB + sentC).as("sent by B (%d) and C (%d)", sentB, sentC).isEqualTo(20);
            assertThat(recipients).allSatisfy(to -> assertThat(received(to)).as(to).hasSize(1));
            assertThat(statuses(nodeB)).containsExactly(Map.entry("SENT", 20L));
            System.getLogger("notice-restart").log(System.Logger.Level.INFO, "two nodes shared 20 notices: B sent " + sentB + ", C sent " + sentC);
        }

        // node D, with its background sender: nothing goes twice, and a new notice leaves right after its commit
        String late = "late-" + batch + "@example.test";
        try (ConfigurableApplicationContext nodeD = node(database, TestMail.server().getSmtp().getPort(), true)) {
            long started = System.nanoTime();
            inTransaction(nodeD, () -> nodeD.getBean(Notices.class).queue(notice(late)));
            await().atMost(Duration.ofSeconds(20)).until(() -> statuses(nodeD).equals(Map.of("SENT", 21L)));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.getLogger("notice-restart").log(System.Logger.Level.INFO, "queued to marked sent through the after-commit nudge in " + millis + " ms");

            assertThat(received(late)).hasSize(1);
            assertThat(nodeD.getBean(NoticeSender.class).sendDue().sent()).isZero();
            assertThat(recipients).allSatisfy(to -> assertThat(received(to)).as(to).hasSize(1));
        }
    }

    private static Notice notice(String to) {
        return new Notice(NoticeType.PASSWORD_CHANGED, null, to, "Sam", "https://portal.test/messages");
    }

    private static Map<String, Long> statuses(ConfigurableApplicationContext node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.getBean(JdbcTemplate.class).query("select status, count(*) from notice group by status order by status",
                (java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static void inTransaction(ConfigurableApplicationContext node, Runnable work) {
        new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> work.run());
    }

    /** One portal node on the given database, without its web server (the outbox does not need one). */
    private static ConfigurableApplicationContext node(String database, int smtpPort, boolean background) {
        Map<String, Object> settings = TestNodes.settings(database, "target/it-data");
        settings.put("hearth.http.redirect-port", "-1");
        settings.put("spring.mail.port", Integer.toString(smtpPort));
        settings.put("hearth.notifications.background", Boolean.toString(background));
        settings.put("hearth.notifications.poll-interval", "1s");
        settings.put("hearth.notifications.retry.first-delay", "1ms");
        settings.put("hearth.notifications.retry.max-delay", "1ms");
        return new SpringApplicationBuilder(HearthApplication.class).web(WebApplicationType.NONE).run(TestNodes.arguments(settings));
    }
}
