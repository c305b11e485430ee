package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class LockoutIT {

    static final String PASSWORD = "marble-heron-compass-62";
    static final String WRONG = "not-my-password-at-all";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    TestAudit audit;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    /** Each test starts with a clean per-address window: every request here comes from 127.0.0.1. */
    @BeforeEach
    void newThrottleWindow() {
        TestClock.INSTANCE.advance(Duration.ofMinutes(11));
    }

    @Test
    void fourFailuresLockForTwentyMinutesAndTheRightPasswordIsRefusedLikeAWrongOne() {
        people.create("locked.out", "Ottoline Quimbyson", PASSWORD, Role.PATIENT);
        accounts.changeEmail("locked.out", "ottoline.q@example.org");
        for (int i = 0; i < 4; i++) {
            fail("locked.out", WRONG);
        }
        var notices = TestMail.messagesTo("ottoline.q@example.org", 1);
        assertThat(notices).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()).hasSize(1);
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
            assertThat(body).contains("Ottoline").doesNotContain("Quimbyson");
            assertThat(mail.getSubject()).doesNotContain("Quimbyson");
        });

        HttpResponse<String> whileLocked = new PortalClient(port).signInPasswordOnly("locked.out", PASSWORD);
        HttpResponse<String> wrongAnswer = new PortalClient(port).signInPasswordOnly("locked.out", WRONG);
        assertThat(whileLocked.headers().firstValue("Location")).isEqualTo(wrongAnswer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));

        TestClock.INSTANCE.advance(Duration.ofMinutes(20).plusSeconds(1));
        PortalClient after = new PortalClient(port);
        after.signIn("locked.out", PASSWORD);
        assertThat(after.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.count("ACCOUNT_LOCKED")).isPositive();
    }

    @Test
    void failuresDuringTheLockDoNotExtendIt() {
        people.create("no.extend", "No Extend", PASSWORD, Role.PATIENT);
        for (int i = 0; i < 4; i++) {
            fail("no.extend", WRONG);
        }
        TestClock.INSTANCE.advance(Duration.ofMinutes(15));
        fail("no.extend", WRONG);
        fail("no.extend", WRONG);

        TestClock.INSTANCE.advance(Duration.ofMinutes(5).plusSeconds(1));
        PortalClient client = new PortalClient(port);
        client.signIn("no.extend", PASSWORD);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aCompletedSignInResetsTheCountButAPasswordAloneDoesNot() {
        people.create("reset.count", "Reset Count", PASSWORD, Role.NURSE);
        for (int i = 0; i < 3; i++) {
            fail("reset.count", WRONG);
        }
        new PortalClient(port).signIn("reset.count", PASSWORD);
        for (int i = 0; i < 3; i++) {
            fail("reset.count", WRONG);
        }
        assertThat(locked("reset.count")).isFalse();

        PortalClient guesser = new PortalClient(port);
        guesser.signInPasswordOnly("reset.count", PASSWORD);
        guesser.submitSecondFactor("000000");
        assertThat(locked("reset.count")).as("3 wrong passwords + a wrong code: the right password did not reset the count").isTrue();
    }

    @Test
    void authenticatorCodeGuessesCountTowardTheSameLockout() {
        people.create("code.guesser", "Code Guesser", PASSWORD, Role.PATIENT);
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("code.guesser", PASSWORD);
        for (int i = 0; i < 4; i++) {
            client.submitSecondFactor(String.format("%06d", i));
        }

        assertThat(locked("code.guesser")).isTrue();
        HttpResponse<String> right = client.submitSecondFactor(TestAccounts.currentCode(TestAccounts.secretOf("code.guesser")));
        assertThat(right.headers().firstValue("Location")).as("during the lock the same session cannot guess on")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/second-factor?error"));
    }

    @Test
    void twentyParallelWrongAttemptsCountExactly() throws Exception {
        people.create("parallel.target", "Parallel Target", PASSWORD, Role.PATIENT);
        long locksBefore = audit.count("ACCOUNT_LOCKED");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
        List<PortalClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PortalClient client = new PortalClient(port);
            client.get("/signin");
            clients.add(client);
        }
        for (PortalClient client : clients) {
            attempts.add(CompletableFuture.supplyAsync(() -> client.signInPasswordOnly("parallel.target", WRONG), pool));
        }
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();

        assertThat(audit.count("ACCOUNT_LOCKED"))
                .as("locked exactly once").isEqualTo(locksBefore + 1);
        assertThat(jdbc.queryForObject("select failed_attempts from account where username_key = 'parallel.target'", Integer.class))
                .as("the lock reset the count, and failures during the lock were not counted").isZero();
        assertThat(locked("parallel.target")).isTrue();
    }

    @Test
    void caseSpacesUnicodeAndTheEmailAddressAllHitTheSameCounter() {
        people.create("same.counter", "Same Counter", PASSWORD, Role.PATIENT);
        accounts.changeEmail("same.counter", "Same.Counter@Example.org");

        fail("SAME.COUNTER", WRONG);
        fail("  same.counter ", WRONG);
        fail("\uFF53ame.counter", WRONG);
        assertThat(locked("same.counter")).isFalse();
        fail(" same.counter@example.ORG", WRONG);

        assertThat(locked("same.counter")).isTrue();
    }

    @Test
    void anAdministratorCanUnlock() {
        people.create("to.unlock", "To Unlock", PASSWORD, Role.PATIENT);
        for (int i = 0; i < 4; i++) {
            fail("to.unlock", WRONG);
        }

        assertThat(accounts.unlock("to.unlock")).isTrue();

        PortalClient client = new PortalClient(port);
        client.signIn("to.unlock", PASSWORD);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(audit.count("ACCOUNT_UNLOCKED")).isEqualTo(1);
    }

    @Test
    void oneClientAddressCannotLockOutManyAccounts() {
        people.create("bystander", "Bystander", PASSWORD, Role.PATIENT);
        for (int i = 0; i < 20; i++) {
            fail("victim" + (i % 5) + ".nobody", WRONG);
        }

        HttpResponse<String> blocked = new PortalClient(port).signInPasswordOnly("bystander", WRONG);
        assertThat(blocked.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
        assertThat(jdbc.queryForObject("select failed_attempts from account where username_key = 'bystander'", Integer.class))
                .as("refused before it was checked, so it counted against nobody").isZero();
    }

    private void fail(String username, String password) {
        HttpResponse<String> response = new PortalClient(port).signInPasswordOnly(username, password);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    private boolean locked(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select locked_until > ? from account where username_key = ?", Boolean.class,
                java.sql.Timestamp.from(TestClock.INSTANCE.instant()), username));
    }
}
