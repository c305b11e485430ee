package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.test.PortalClient;
import io.hearth.test.SharedPortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SharedPortalTest
class PasswordStrengthIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Test
    void theMeterGivesThePolicysVerdictWhileTyping() {
        PortalClient anonymous = new PortalClient(port);

        String weak = anonymous.submit("/signup", "/password/strength", "password=password1234").body();
        String personal = anonymous.submit("/signup", "/password/strength", "password=marigold.walker.2024&username=marigold.walker").body();
        HttpResponse<String> strong = anonymous.submit("/signup", "/password/strength", "password=cobalt-meadow-violin-84");

        assertThat(weak).contains("\"acceptable\":false", "too easy to guess");
        assertThat(personal).contains("\"acceptable\":false", "must not contain your name");
        assertThat(strong.body()).contains("\"acceptable\":true");
        assertThat(strong.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void aSignedInPersonsOwnNameCountsAgainstTheirNewPassword() {
        people.create("quentin.meter", "Quentin Brightwater", "cobalt-meadow-violin-84", Role.PATIENT);
        PortalClient quentin = new PortalClient(port);
        quentin.signIn("quentin.meter", "cobalt-meadow-violin-84");

        assertThat(quentin.submit("/account/password", "/password/strength", "password=brightwater-river-71").body())
                .contains("\"acceptable\":false", "must not contain your name");
    }

    @Test
    void withoutTheFormsTokenTheMeterDoesNotAnswer() {
        assertThat(new PortalClient(port).postForm("/password/strength", "password=cobalt-meadow-violin-84").statusCode()).isEqualTo(403);
    }
}
