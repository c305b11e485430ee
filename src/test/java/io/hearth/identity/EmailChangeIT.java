package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class EmailChangeIT {

    static final String PASSWORD = "harpoon-cedar-lattice-86";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Test
    void anOwnerChangesTheirAddressWithTheirPasswordAndBothAddressesHearOfIt() {
        people.create("moving.mail", "Mona Moving", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("moving.mail", "mona.old@example.test");
        PortalClient mona = new PortalClient(port);
        mona.signIn("moving.mail", PASSWORD);

        HttpResponse<String> changed = mona.submit("/account/email", "/account/email", "newEmail=mona.new%40example.test&currentPassword=" + PASSWORD);

        assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?changed"));
        assertThat(accounts.emailOf("moving.mail")).contains("mona.new@example.test");
        assertThat(accounts.emailConfirmed("moving.mail")).as("a new address is unconfirmed").isFalse();
        assertThat(TestMail.messagesTo("mona.old@example.test", 1)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains("email address").contains("changed"));
        assertThat(TestMail.messagesTo("mona.new@example.test", 1)).singleElement()
                .satisfies(mail -> assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("/signup/confirm?token"));
    }

    @Test
    void wrongPasswordsChangeNothingAndCountTowardTheLockout() {
        people.create("guessed.mail", "Gus Guessed", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("guessed.mail", "gus@example.test");
        PortalClient intruder = new PortalClient(port);
        intruder.signIn("guessed.mail", PASSWORD);

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> refused = intruder.submit("/account/email", "/account/email",
                    "newEmail=evil%40example.test&currentPassword=guess-number-" + i);
            assertThat(refused.body()).contains("Your password is not right.").contains("value=\"evil@example.test\"");
        }

        assertThat(accounts.emailOf("guessed.mail")).contains("gus@example.test");
        assertThat(new PortalClient(port).signInPasswordOnly("guessed.mail", PASSWORD).headers().firstValue("Location"))
                .as("locked after four wrong passwords").hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    @Test
    void aWrongCurrentPasswordOnThePasswordFormCountsTowardTheLockoutToo() {
        people.create("guessed.password", "Paz Guessed", PASSWORD, Role.PATIENT);
        PortalClient intruder = new PortalClient(port);
        intruder.signIn("guessed.password", PASSWORD);

        for (int i = 0; i < 4; i++) {
            intruder.submit("/account/password", "/account/password", "currentPassword=guess-" + i
                    + "&newPassword=lantern-bicycle-orchid-58&confirmPassword=lantern-bicycle-orchid-58");
        }

        assertThat(new PortalClient(port).signInPasswordOnly("guessed.password", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }
}
