package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.SharedPortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SharedPortalTest
class SecurityHeadersIT {

    static final String PASSWORD = "quiet-meadow-copper-71";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    PortalClient client;

    @BeforeEach
    void setUp() {
        client = new PortalClient(port);
        if (!accounts.exists("headers.nurse")) {
            people.create("headers.nurse", "Headers Nurse", PASSWORD, Role.NURSE);
        }
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        client.signIn("headers.nurse", PASSWORD);
        for (HttpResponse<String> response : List.of(new PortalClient(port).get("/signin"), new PortalClient(port).get("/health"),
                new PortalClient(port).get("/css/hearth.css"), client.get("/"), client.get("/no-such-page"))) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(headers.firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
            assertThat(headers.firstValue("Server")).isEmpty();
        }
    }

    @Test
    void authenticatedPagesAreNeverCached() {
        client.signIn("headers.nurse", PASSWORD);

        HttpResponse<String> home = client.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void sessionCookieIsHostPrefixedSecureHttpOnlyAndSameSite() {
        HttpResponse<String> signInPage = client.get("/signin");

        String cookie = signInPage.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("__Host-HEARTH="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Path=/", "Secure", "HttpOnly").containsPattern("SameSite=(Lax|Strict)").doesNotContain("Domain=");
    }

    @Test
    void signingInIssuesANewSessionIdAndSigningOutClearsTheSite() {
        String before = sessionCookie(client.get("/signin"));
        HttpResponse<String> signedIn = client.signIn("headers.nurse", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(signedIn)).isNotEqualTo(before);

        HttpResponse<String> signedOut = client.submit("/", "/signout", "");

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/signin?signedout"));
        assertThat(signedOut.headers().firstValue("Clear-Site-Data")).hasValueSatisfying(value -> assertThat(value).contains("\"cookies\"", "\"storage\"", "\"cache\""));
        assertThat(client.get("/").statusCode()).as("the old session no longer works").isEqualTo(302);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("__Host-HEARTH="))
                .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElse("");
    }
}
