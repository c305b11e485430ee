package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.internal.DormantAccounts;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts nobody used for 90 days are switched off with a notice; the report lists them; an administrator enables them. */
@PortalTest
class DormantAccountsIT {

    static final String PASSWORD = "quarry-lilac-beacon-64";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    DormantAccounts dormancy;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignInCountsAsUseAndOnlyAccountsUnusedForNinetyDaysAreSwitchedOffOnce() {
        people.create("dormant.patient", "Dora Mant", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("dormant.patient", "dora-mant@example.test");
        people.create("busy.nurse", "Nell Busy", PASSWORD, Role.NURSE);
        people.create("dormancy.admin", "Dan Admin", PASSWORD, Role.ADMIN);
        UUID dormant = accounts.idOf("dormant.patient").orElseThrow();
        PortalClient stillOpen = new PortalClient(port);
        stillOpen.signIn("dormant.patient", PASSWORD);
        PortalClient nurse = new PortalClient(port);
        nurse.signIn("busy.nurse", PASSWORD);
        assertThat(jdbc.queryForObject("select last_signed_in_at from account where username_key = 'busy.nurse'", Instant.class))
                .as("a completed sign-in is noted").isNotNull();

        // the patient's last sign-in and the account itself are 91 days old; the nurse signed in 89 days ago
        Instant now = TestClock.INSTANCE.instant();
        jdbc.update("update account set last_signed_in_at = ?, created_at = ? where id = ?", java.sql.Timestamp.from(now.minus(Duration.ofDays(91))),
                java.sql.Timestamp.from(now.minus(Duration.ofDays(200))), dormant);
        jdbc.update("update account set last_signed_in_at = ? where username_key = 'busy.nurse'", java.sql.Timestamp.from(now.minus(Duration.ofDays(89))));
        jdbc.update("update account set last_signed_in_at = ?, created_at = ? where username_key <> 'dormant.patient' and username_key <> 'busy.nurse'",
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        long actions = audit.count("ADMIN_ACTION");

        assertThat(dormancy.disableDormant()).isEqualTo(1);
        assertThat(dormancy.disableDormant()).as("once").isZero();

        assertThat(audit.count("ADMIN_ACTION")).isEqualTo(actions + 1);
        assertThat(stillOpen.get("/account/security").statusCode()).as("its session ended").isEqualTo(302);
        assertThat(new PortalClient(port).signInPasswordOnly("dormant.patient", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
        assertThat(TestMail.messagesTo("dora-mant@example.test", 1)).anySatisfy(mail ->
                assertThat(mail.getSubject()).isEqualTo("Your Hearth Family Practice account was switched off"));
        assertThat(nurse.get("/account/security").statusCode()).isEqualTo(200);

        PortalClient admin = new PortalClient(port);
        admin.signIn("dormancy.admin", PASSWORD);
        String report = admin.get("/admin/accounts/dormant").body();
        assertThat(report).contains("dormant.patient", "switched off (unused)", "busy.nurse").doesNotContain("dormancy.admin</a>");
        admin.submit("/admin/accounts/" + dormant, "/admin/accounts/" + dormant + "/enable", "");
        assertThat(new PortalClient(port).signIn("dormant.patient", PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        assertThat(dormancy.disableDormant()).as("signing in made it active again").isZero();
    }
}
