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
import org.springframework.test.context.TestPropertySource;

@PortalTest
@TestPropertySource(properties = "hearth.identity.email-code.enabled=false")
class EmailCodeSwitchedOffIT {

    static final String PASSWORD = "pewter-lagoon-thistle-64";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    Accounts accounts;

    @Test
    void whenSwitchedOffNoPatientIsOfferedOrSentACode() {
        people.create("off.patient", "Olga Off", PASSWORD, Role.PATIENT);
        people.giveConfirmedEmail("off.patient", "olga-off@example.test");
        PortalClient client = new PortalClient(port);
        client.signInPasswordOnly("off.patient", PASSWORD);

        assertThat(client.get("/signin/second-factor").body()).doesNotContain("Email me a code");
        HttpResponse<String> refused = client.submit("/signin/second-factor", "/signin/second-factor/email-code", "");

        assertThat(refused.body()).contains("A code by email is not available for this account.");
        assertThat(TestMail.messagesTo("olga-off@example.test", 1)).isEmpty();
    }

    @Test
    void anAdministratorCannotSwitchOnWhatTheConfigurationRulesOut() {
        people.create("off.admin", "Otis Admin", PASSWORD, Role.ADMIN);
        PortalClient admin = new PortalClient(port);
        admin.signIn("off.admin", PASSWORD);
        assertThat(admin.get("/admin/settings").body()).contains("The configuration switches codes by email off")
                .doesNotContain("Switch codes by email on");

        HttpResponse<String> refused = admin.submit("/admin/settings", "/admin/settings/email-code", "on=true");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?refused"));
        assertThat(admin.get("/admin/settings").body()).contains("a one-time code by email — off");
    }
}
