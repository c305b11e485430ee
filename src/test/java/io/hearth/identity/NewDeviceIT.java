package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class NewDeviceIT {

    static final String PASSWORD = "quartz-lantern-heron-62";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private long newDeviceNotices() {
        return jdbc.queryForObject("select count(*) from notice where type = 'NEW_DEVICE_SIGN_IN'", Long.class);
    }

    @Test
    void aSignInFromANewBrowserEmailsTheOwnerButTheFirstAndKnownOnesDoNot() {
        people.create("two.devices", "Dana Devices", PASSWORD, Role.PATIENT);
        accounts.changeEmail("two.devices", "dana@example.org");

        PortalClient laptop = new PortalClient(port);
        laptop.signIn("two.devices", PASSWORD);
        laptop.submit("/", "/signout", "");
        laptop.signIn("two.devices", PASSWORD);
        assertThat(newDeviceNotices()).as("first browser, then the same one again").isZero();

        new PortalClient(port).signIn("two.devices", PASSWORD);

        assertThat(TestMail.messagesTo("dana@example.org", 1)).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).startsWith("New sign-in");
            assertThat(GreenMailUtil.getBody(mail)).contains("Dana").doesNotContain("Devices").contains("/account/sessions");
        });
        assertThat(newDeviceNotices()).isEqualTo(1);
        assertThat(jdbc.queryForList("select device_hash from known_device", String.class)).as("only hashes of the cookies")
                .hasSize(2).allSatisfy(hash -> assertThat(hash).hasSize(64));
    }
}
