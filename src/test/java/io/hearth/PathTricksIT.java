package io.hearth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Function-level access against rewritten requests (security catalogue, "Access"): a signed-in patient asks for an
 * administrator's page through doubled slashes, path parameters, dot segments, encodings, case and suffix variants,
 * and path- or method-override headers. None of them opens it.
 */
@PortalTest
class PathTricksIT {

    static final String PASSWORD = "lichen-harbour-ember-83";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Test
    void noRewrittenPathOrOverrideHeaderOpensAnAdministratorsPageToAPatient() {
        people.create("tricks.admin", "Tess Admin", PASSWORD, Role.ADMIN);
        people.create("tricks.patient", "Tom Tricks", PASSWORD, Role.PATIENT);
        PortalClient admin = new PortalClient(port);
        admin.signIn("tricks.admin", PASSWORD);
        String adminPage = admin.get("/admin/accounts").body();
        assertThat(adminPage).contains("tricks.patient"); // what the page shows and a patient must not see
        PortalClient patient = new PortalClient(port);
        patient.signIn("tricks.patient", PASSWORD);

        for (String path : List.of("/admin/accounts", "//admin/accounts", "/admin//accounts", "/my/..;/admin/accounts",
                "/my/%2e%2e/admin/accounts", "/%61dmin/accounts", "/admin/accounts;x=y", "/admin;/accounts", "/ADMIN/accounts",
                "/Admin/accounts", "/admin/accounts/", "/admin/accounts.json", "/admin/accounts%2f", "/my/record/../../admin/accounts")) {
            HttpResponse<String> answer = patient.get(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(answer.body()).as(path).doesNotContain("tricks.admin");
        }
        for (String header : List.of("X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Uri", "X-Forwarded-Prefix")) {
            HttpResponse<String> answer = patient.get("/my/record", header, "/admin/accounts");
            assertThat(answer.body()).as(header).doesNotContain("tricks.admin");
        }
        String token = PortalClient.csrfToken(patient.get("/").body()); // so that the role, not CSRF, is what refuses
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> answer = patient.send("POST", "/admin/accounts", "X-HTTP-Method-Override", method, "X-CSRF-TOKEN", token);
            assertThat(answer.statusCode()).as("override to " + method).isIn(403, 404, 405);
            assertThat(answer.body()).doesNotContain("tricks.admin");
        }
    }
}
