package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The administrators' account console: unlock, disable (ending sessions at once), enable, reset link, second-factor reset. */
@PortalTest
class AccountAdminIT {

    static final String PASSWORD = "granite-willow-harbor-88";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    private PortalClient admin(String username) {
        people.create(username, "Ada Ministrator", PASSWORD, Role.ADMIN);
        PortalClient admin = new PortalClient(port);
        admin.signIn(username, PASSWORD);
        return admin;
    }

    private String page(UUID id) {
        return "/admin/accounts/" + id;
    }

    @Test
    void anAdministratorFindsAnAccountSeesItIsLockedAndUnlocksIt() {
        PortalClient admin = admin("unlock.admin");
        people.create("locked.patient", "Lou Locked", PASSWORD, Role.PATIENT);
        UUID id = accounts.idOf("locked.patient").orElseThrow();
        for (int i = 0; i < 4; i++) {
            new PortalClient(port).signInPasswordOnly("locked.patient", "wrong-password-" + i);
        }
        long unlocks = audit.count("ACCOUNT_UNLOCKED");

        assertThat(admin.get("/admin/accounts?q=LOCKED.pat").body()).contains("locked.patient", "Lou Locked", "locked");
        assertThat(admin.get(page(id)).body()).contains("Unlock now");
        HttpResponse<String> unlocked = admin.submit(page(id), page(id) + "/unlock", "");
        assertThat(unlocked.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?unlocked"));

        assertThat(audit.count("ACCOUNT_UNLOCKED")).isEqualTo(unlocks + 1);
        assertThat(new PortalClient(port).signIn("locked.patient", PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
    }

    @Test
    void anAccountKeptAsALookAlikeFromBeforeTheRuleIsMarkedForAdministrators() {
        PortalClient admin = admin("lookalike.console");
        people.create("grand.admin", "Gus Older", PASSWORD, Role.NURSE);
        people.create("grand.other", "Gil Later", PASSWORD, Role.NURSE);
        // as V47 leaves the later of two accounts that already looked alike
        jdbc.update("update account set username_skeleton = null where username_key = 'grand.other'");

        assertThat(admin.get("/admin/accounts?q=grand.").body()).containsOnlyOnce("looks like an older account");
        assertThat(admin.get(page(accounts.idOf("grand.other").orElseThrow())).body()).contains("looks like an older account");
        assertThat(admin.get(page(accounts.idOf("grand.admin").orElseThrow())).body()).doesNotContain("looks like an older account");
    }

    @Test
    void disablingEndsTheLiveSessionAtItsNextRequestAndKeepsTheOwnerOut() {
        PortalClient admin = admin("disable.admin");
        people.create("leaving.nurse", "Lee Leaving", PASSWORD, Role.NURSE);
        UUID id = accounts.idOf("leaving.nurse").orElseThrow();
        PortalClient nurse = new PortalClient(port);
        nurse.signIn("leaving.nurse", PASSWORD);
        assertThat(nurse.get("/account/security").statusCode()).isEqualTo(200);

        HttpResponse<String> noReason = admin.submit(page(id), page(id) + "/disable", "reason=+");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason");
        assertThat(nurse.get("/account/security").statusCode()).as("nothing happened").isEqualTo(200);

        admin.submit(page(id), page(id) + "/disable", "reason=Left+the+practice");
        assertThat(nurse.get("/account/security").headers().firstValue("Location")).as("signed out at the next request")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
        assertThat(new PortalClient(port).signInPasswordOnly("leaving.nurse", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ADMIN_ACTION' and actor_id = 'disable.admin' "
                + "and object_id = ? and reason like 'account disabled (1 sessions ended): Left the practice'", Long.class, id.toString()))
                .isEqualTo(1);

        admin.submit(page(id), page(id) + "/enable", "");
        assertThat(new PortalClient(port).signIn("leaving.nurse", PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
    }

    @Test
    void aSecondFactorResetNeedsAReasonRemovesTheFactorsAndTheOwnerEnrolsAgain() {
        PortalClient admin = admin("reset.admin");
        people.create("lost.phone", "Lo Stphone", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("lost.phone", "lost-phone@example.test");
        UUID id = accounts.idOf("lost.phone").orElseThrow();
        PortalClient owner = new PortalClient(port);
        owner.signIn("lost.phone", PASSWORD);
        long changes = audit.count("SECOND_FACTOR_CHANGED");

        assertThat(admin.submit(page(id), page(id) + "/second-factor-reset", "reason=").statusCode()).isEqualTo(400);
        HttpResponse<String> reset = admin.submit(page(id), page(id) + "/second-factor-reset", "reason=Photo+ID+at+the+front+desk");
        assertThat(reset.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?secondFactorReset"));

        assertThat(audit.count("SECOND_FACTOR_CHANGED")).isEqualTo(changes + 1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Long.class, id)).isZero();
        assertThat(owner.get("/account/security").statusCode()).as("signed out").isEqualTo(302);
        PortalClient again = new PortalClient(port);
        again.signInPasswordOnly("lost.phone", PASSWORD);
        assertThat(again.get("/signin/second-factor").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin/enrol"));
        assertThat(TestMail.messagesTo("lost-phone@example.test", 1)).anySatisfy(mail ->
                assertThat(mail.getSubject()).contains("A way of signing in"));

        // enrolling again completes the sign-in like any other: a password past its age must be changed first
        java.sql.Timestamp changed = jdbc.queryForObject("select password_changed_at from account where id = ?", java.sql.Timestamp.class, id);
        jdbc.update("update account set password_changed_at = ? where id = ?",
                java.sql.Timestamp.from(changed.toInstant().minus(java.time.Duration.ofDays(61))), id);
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>")
                .matcher(again.get("/signin/enrol").body());
        assertThat(key.find()).isTrue();
        assertThat(again.submit("/signin/enrol", "/signin/enrol", "code=" + TestAccounts.currentCode(key.group(1).replace(" ", "")))
                .body()).contains("Save your recovery codes");
        assertThat(again.get("/").headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/account/password"));
    }

    @Test
    void administratorsCannotLockThemselvesOutAndOthersCannotUseTheConsole() {
        PortalClient admin = admin("self.admin");
        UUID self = accounts.idOf("self.admin").orElseThrow();
        HttpResponse<String> refused = admin.submit(page(self), page(self) + "/disable", "reason=Testing");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("You cannot do this to your own account");
        assertThat(admin.get("/admin/accounts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        people.create("curious.officer", "Cu Rious", PASSWORD, Role.SECURITY_OFFICER);
        PortalClient officer = new PortalClient(port);
        officer.signIn("curious.officer", PASSWORD);
        assertThat(officer.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(officer.submit("/", page(self) + "/disable", "reason=Takeover").statusCode()).isEqualTo(403);
    }

    @Test
    void rolesChangeOnlyAsTickedEndTheSessionsAndNeverTurnAPatientIntoStaff() {
        PortalClient admin = admin("roles.admin");
        people.create("growing.nurse", "Gro Wing", PASSWORD, Role.NURSE);
        people.create("plain.patient", "Pla In", PASSWORD, Role.PATIENT);
        UUID nurse = accounts.idOf("growing.nurse").orElseThrow();
        UUID patient = accounts.idOf("plain.patient").orElseThrow();
        PortalClient nurseSession = new PortalClient(port);
        nurseSession.signIn("growing.nurse", PASSWORD);

        // extra fields (a patient link, an enabled flag, another id) are not bound: only the ticked roles count
        HttpResponse<String> changed = admin.submit(page(nurse), page(nurse) + "/roles",
                "roles=NURSE&roles=FRONT_DESK&patientId=" + UUID.randomUUID() + "&enabled=false&id=" + patient);
        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?rolesChanged"));
        assertThat(accounts.rolesOf(nurse)).containsExactlyInAnyOrder(Role.NURSE, Role.FRONT_DESK);
        assertThat(accounts.rolesOf(patient)).containsExactly(Role.PATIENT);
        assertThat(nurseSession.get("/account/security").statusCode()).as("signed out").isEqualTo(302);

        assertThat(admin.submit(page(nurse), page(nurse) + "/roles", "roles=PATIENT").statusCode()).isEqualTo(400);
        assertThat(admin.submit(page(nurse), page(nurse) + "/roles", "roles=SUPERUSER").body()).contains("That is not a role.");
        assertThat(admin.submit(page(patient), page(patient) + "/roles", "roles=ADMIN").statusCode()).isEqualTo(400);
        assertThat(accounts.rolesOf(patient)).containsExactly(Role.PATIENT);
        UUID self = accounts.idOf("roles.admin").orElseThrow();
        assertThat(admin.submit(page(self), page(self) + "/roles", "roles=PROVIDER").statusCode()).isEqualTo(400);
        assertThat(accounts.rolesOf(nurse)).containsExactlyInAnyOrder(Role.NURSE, Role.FRONT_DESK);
    }
}
