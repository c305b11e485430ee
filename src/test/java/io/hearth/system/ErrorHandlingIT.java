package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@PortalTest
@Import(ErrorHandlingIT.FailingEndpoints.class)
class ErrorHandlingIT {

    static final String PASSWORD = "violet-harbor-engine-93";
    static final String SECRET = "PHI-MARKER-Zebulon-1937";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    PortalClient client;

    @BeforeEach
    void signIn() {
        if (!accounts.exists("errors.provider")) {
            people.create("errors.provider", "Errors Provider", PASSWORD, Role.PROVIDER);
        }
        client = new PortalClient(port);
        assertThat(client.signIn("errors.provider", PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void aServerErrorPageShowsARequestIdAndNothingInternal() {
        HttpResponse<String> response = client.get("/test/explode", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(500);
        assertLeaksNothing(response);
        assertThat(response.body()).contains("Something went wrong").contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aServerErrorAsJsonHasTheRequestIdAndNoDetails() {
        HttpResponse<String> response = client.get("/test/explode", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.body()).contains("\"requestId\":\"" + response.headers().firstValue("X-Request-Id").orElseThrow() + "\"");
        assertLeaksNothing(response);
    }

    @Test
    void aDatabaseFailureLeaksNoSqlAndSaysTryAgainLater() {
        HttpResponse<String> response = client.get("/test/database", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertLeaksNothing(response);
        assertThat(response.body()).doesNotContainIgnoringCase("select");
    }

    @Test
    void malformedJsonIsAPlainBadRequest() {
        String token = PortalClient.csrfToken(client.get("/").body());
        HttpResponse<String> malformed = client.send(java.net.http.HttpRequest.newBuilder()
                .uri(java.net.URI.create("https://localhost:" + port + "/test/echo"))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("X-CSRF-TOKEN", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\": \"" + SECRET + "\", broken")).build());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertLeaksNothing(malformed);
        assertThat(malformed.body()).doesNotContain("JSON parse", "Unexpected character");
    }

    @Test
    void anUnknownPageIsAFriendly404() {
        HttpResponse<String> response = client.get("/no/such/page", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that page");
        assertLeaksNothing(response);
    }

    @Test
    void traceIsRefused() {
        HttpResponse<String> response = client.send("TRACE", "/", "X-Echo", SECRET);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain(SECRET);
    }

    @Test
    void noActuatorInternalsAndNoH2ConsoleOnThePublicPort() {
        for (String path : new String[] { "/actuator/env", "/actuator/prometheus", "/actuator/heapdump", "/actuator", "/h2-console", "/h2-console/" }) {
            HttpResponse<String> response = client.get(path, "Accept", "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("H2 Console", "systemProperties", "jvm_memory");
        }
        assertThat(new PortalClient(port).get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsAreServedOnlyOnTheLoopbackManagementPort() throws Exception {
        var metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory");

        var nonLoopback = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(network -> { try { return network.isUp() && !network.isLoopback(); } catch (java.net.SocketException e) { return false; } })
                .flatMap(network -> java.util.Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address).findFirst();
        if (nonLoopback.isPresent()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket(nonLoopback.get(), managementPort).close())
                    .as("the management port is not reachable from " + nonLoopback.get()).isInstanceOf(java.net.ConnectException.class);
        }
    }

    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    int managementPort;

    private static void assertLeaksNothing(HttpResponse<String> response) {
        assertThat(response.body())
                .doesNotContain(SECRET, "Exception", "at io.hearth", "at org.springframework", "java.lang", "trace", "Whitelabel")
                .doesNotContainIgnoringCase("stacktrace");
    }

    @TestConfiguration
    static class FailingEndpoints {

        @RestController
        static class Failing {

            @GetMapping("/test/explode")
            String explode() {
                throw new IllegalStateException("boom with " + SECRET);
            }

            @GetMapping("/test/database")
            String database() {
                throw new DataAccessResourceFailureException("select secret from patient where name = '" + SECRET + "'");
            }

            @PostMapping("/test/echo")
            String echo(@RequestBody Note note) {
                return note.note();
            }

            record Note(String note) {
            }
        }
    }
}
