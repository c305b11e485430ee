package io.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class SignInIT {

    static final String PASSWORD = "amber-willow-signal-58";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void account() {
        if (!accounts.exists("Maria.Lopez")) {
            people.create("Maria.Lopez", "María López", PASSWORD, Role.PATIENT);
        }
    }

    @Test
    void signsInWithTheRightPasswordAndLandsOnHome() {
        PortalClient client = new PortalClient(port);

        HttpResponse<String> response = client.signIn("maria.lopez", PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(client.get("/").body()).contains("Welcome, Maria.Lopez");
    }

    @Test
    void usernameVariantsReachTheSameAccount() {
        for (String variant : new String[] { "MARIA.LOPEZ", "  maria.lopez ", "\uFF4D\uFF41\uFF52\uFF49\uFF41.lopez" }) {
            assertThat(new PortalClient(port).signIn(variant, PASSWORD).headers().firstValue("Location"))
                    .as(variant).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = new PortalClient(port).signIn("maria.lopez", "not-the-password-at-all");
        HttpResponse<String> unknownUser = new PortalClient(port).signIn("nobody.here", "not-the-password-at-all");

        assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode()).isEqualTo(302);
        assertThat(wrongPassword.headers().firstValue("Location")).isEqualTo(unknownUser.headers().firstValue("Location"));
        assertThat(wrongPassword.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        PortalClient client = new PortalClient(port);
        client.get("/signin");

        HttpResponse<String> response = client.postForm("/signin", "username=maria.lopez&password=" + PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(client.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void everyPageButSignInNeedsASignedInUser() {
        HttpResponse<String> response = new PortalClient(port).get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin"));
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesOnly() {
        String hash = jdbc.queryForObject("select password_hash from account where username_key = 'maria.lopez'", String.class);

        assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    }

    @Test
    void lookAlikeUsernamesCannotBeRegisteredTwice() {
        assertThatThrownBy(() -> accounts.create(" MARIA.lopez", "Someone Else", "another-strong-passphrase-9".toCharArray(), EnumSet.of(Role.PATIENT)))
                .isInstanceOf(AccountRejectedException.class).hasMessage("identity.refused.usernameTaken");
    }
}
