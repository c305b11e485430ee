package io.hearth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Function-level access, for every endpoint the application maps: the table below says who may call each one, a new
 * endpoint missing from it fails the first test, and the second walks every role (and an anonymous caller) against
 * every endpoint. Object-level rules (another patient's result, a staff member outside the care team) are tested
 * with their features.
 */
@PortalTest
class EndpointAccessIT {

    static final String PASSWORD = "orbit-saddle-mosaic-52";

    /** Who may call an endpoint, beyond being signed in with both factors. */
    enum Access { PUBLIC, PASSWORD_STEP, ANY_SIGNED_IN, ROLES }

    record Rule(Access access, Set<Role> roles) {
        static Rule of(Access access) {
            return new Rule(access, EnumSet.noneOf(Role.class));
        }

        static Rule roles(Role first, Role... more) {
            return new Rule(Access.ROLES, EnumSet.of(first, more));
        }
    }

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        for (String endpoint : new String[] { "GET /signin", "GET /signin/forgot", "POST /signin/forgot", "GET /signin/reset",
                "POST /signin/reset", "GET /signup", "POST /signup", "GET /signup/confirm", "POST /password/strength", "GET /error",
                "POST /error" }) {
            RULES.put(endpoint, Rule.of(Access.PUBLIC));
        }
        for (String endpoint : new String[] { "GET /signin/second-factor", "POST /signin/second-factor/email-code", "GET /signin/enrol",
                "POST /signin/enrol" }) {
            RULES.put(endpoint, Rule.of(Access.PASSWORD_STEP));
        }
        for (String endpoint : new String[] { "GET /", "POST /session/keepalive", "GET /account/security", "POST /account/security/recovery-codes",
                "POST /account/security/passkeys", "POST /account/security/passkeys/remove", "GET /account/sessions",
                "POST /account/sessions/end", "POST /account/sessions/end-others", "GET /account/password", "POST /account/password",
                "GET /account/email", "POST /account/email", "POST /account/email/confirmation" }) {
            RULES.put(endpoint, Rule.of(Access.ANY_SIGNED_IN));
        }
        for (String endpoint : new String[] { "GET /my/record", "GET /my/results", "GET /my/results/{id}", "GET /my/reports/{id}",
                "GET /my/visits", "GET /my/visits/{id}", "GET /my/notes/{id}", "GET /my/access-log", "GET /my/preferences",
                "POST /my/preferences/email", "GET /my/messages", "GET /my/messages/new", "POST /my/messages", "GET /my/messages/{id}",
                "POST /my/messages/{id}", "GET /my/messages/attachments/{id}" }) {
            RULES.put(endpoint, Rule.roles(Role.PATIENT));
        }
        for (String endpoint : new String[] { "GET /admin/notices", "GET /admin/staff/invite", "POST /admin/staff/invite", "POST /admin/fhir",
                "POST /admin/settings/email-code", "GET /admin/accounts", "GET /admin/accounts/dormant", "GET /admin/accounts/{id}",
                "POST /admin/accounts/{id}/unlock", "POST /admin/accounts/{id}/disable", "POST /admin/accounts/{id}/enable",
                "POST /admin/accounts/{id}/second-factor-reset", "GET /admin/accounts/{id}/practitioner", "POST /admin/accounts/{id}/practitioner", "POST /admin/accounts/{id}/roles", "POST /admin/accounts/{id}/password-reset", "GET /admin/announcements",
                "POST /admin/announcements" }) {
            RULES.put(endpoint, Rule.roles(Role.ADMIN));
        }
        RULES.put("GET /admin/settings", Rule.roles(Role.ADMIN, Role.SECURITY_OFFICER));
        RULES.put("GET /staff/activation-codes", Rule.roles(Role.ADMIN, Role.FRONT_DESK));
        RULES.put("POST /staff/activation-codes", Rule.roles(Role.ADMIN, Role.FRONT_DESK));
        for (String endpoint : new String[] { "GET /staff/messages", "GET /staff/messages/{id}", "POST /staff/messages/{id}",
                "POST /staff/messages/{id}/assign", "POST /staff/messages/{id}/close", "POST /staff/messages/{id}/reopen",
                "GET /staff/messages/attachments/{id}" }) {
            RULES.put(endpoint, Rule.roles(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING));
        }
        // renewals: the patient's own medications (404 for others); clinicians of the patient's care team (404 for others)
        for (String endpoint : new String[] { "GET /my/medications", "GET /my/medications/{id}", "POST /my/medications/{id}/renewals", "POST /my/medications/{id}/renewals/withdraw" }) {
            RULES.put(endpoint, Rule.roles(Role.PATIENT));
        }
        for (String endpoint : new String[] { "GET /staff/renewals", "GET /staff/renewals/{id}", "POST /staff/renewals/{id}/approve",
                "POST /staff/renewals/{id}/deny" }) {
            RULES.put(endpoint, Rule.roles(Role.PROVIDER, Role.NURSE));
        }
        // clinicians of the patient's care team only; which patient is decided where the record is read (404 for others)
        RULES.put("GET /staff/patients", Rule.roles(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING));
        for (String endpoint : new String[] { "GET /staff/patients/{patient}/record", "GET /staff/patients/{patient}/results",
                "GET /staff/patients/{patient}/results/{id}", "GET /staff/patients/{patient}/reports/{id}", "GET /staff/patients/{patient}/visits",
                "GET /staff/patients/{patient}/visits/{id}", "GET /staff/patients/{patient}/notes/{id}" }) {
            RULES.put(endpoint, Rule.roles(Role.PROVIDER, Role.NURSE));
        }
        // front desk and billing read demographics of any patient, billing also claims; clinicians those of their care team
        RULES.put("GET /staff/patients/{patient}/demographics", Rule.roles(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING));
        RULES.put("GET /staff/patients/{patient}/claims", Rule.roles(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING));
        RULES.put("GET /audit", Rule.roles(Role.SECURITY_OFFICER));
        RULES.put("GET /security/break-glass", Rule.roles(Role.SECURITY_OFFICER));
        RULES.put("POST /security/break-glass/{id}", Rule.roles(Role.SECURITY_OFFICER));
        RULES.put("GET /security/alerts", Rule.roles(Role.SECURITY_OFFICER));
        RULES.put("POST /security/alerts/{id}", Rule.roles(Role.SECURITY_OFFICER));
        RULES.put("GET /staff/break-glass", Rule.roles(Role.PROVIDER, Role.NURSE));
        RULES.put("POST /staff/break-glass", Rule.roles(Role.PROVIDER, Role.NURSE));
        RULES.put("GET /audit/export.csv", Rule.roles(Role.SECURITY_OFFICER));
        for (String endpoint : new String[] { "GET /my/appointments", "GET /my/appointments/book", "POST /my/appointments", "GET /my/appointments/{id}",
                "POST /my/appointments/{id}/cancel", "POST /my/appointments/{id}/accept", "POST /my/appointments/{id}/wait-list",
                "GET /my/appointments/{id}/calendar.ics", "GET /my/appointments/offers/{id}", "POST /my/appointments/offers/{id}" }) {
            RULES.put(endpoint, Rule.roles(Role.PATIENT));
        }
        // which appointments and patients a person sees is decided where appointments are read (AppointmentAccess: 404, audited)
        for (String endpoint : new String[] { "GET /staff/schedule", "GET /staff/appointments/requests", "GET /staff/appointments/book",
                "POST /staff/appointments", "GET /staff/appointments/{id}", "POST /staff/appointments/{id}/check-in",
                "POST /staff/appointments/{id}/no-show", "POST /staff/appointments/{id}/cancel", "POST /staff/appointments/{id}/approve",
                "POST /staff/appointments/{id}/propose" }) {
            RULES.put(endpoint, Rule.roles(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK));
        }
        for (String endpoint : new String[] { "GET /staff/scheduling", "POST /staff/scheduling/locations", "POST /staff/scheduling/types",
                "GET /staff/scheduling/providers/{practitioner}", "POST /staff/scheduling/providers/{practitioner}/hours",
                "POST /staff/scheduling/providers/{practitioner}/hours/{id}/remove", "POST /staff/scheduling/providers/{practitioner}/time-off",
                "POST /staff/scheduling/providers/{practitioner}/time-off/{id}/remove" }) {
            RULES.put(endpoint, Rule.roles(Role.FRONT_DESK, Role.ADMIN));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<Role, PortalClient> clients = new EnumMap<>(Role.class);

    @Autowired
    io.hearth.test.TestAudit audit;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void signInEveryRole() {
        for (Role role : Role.values()) {
            String username = "matrix." + role.name().toLowerCase();
            people.create(username, "Matrix Person", PASSWORD, role);
            PortalClient client = new PortalClient(port);
            client.signIn(username, PASSWORD);
            clients.put(role, client);
        }
    }

    @Test
    void everyMappedEndpointHasAnAccessRule() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                mapped.add("GET " + pattern);
                mapped.add("POST " + pattern);
            } else {
                methods.forEach(method -> mapped.add(method.name() + " " + pattern));
            }
        }));
        mapped.removeIf(endpoint -> endpoint.contains("/test/"));

        assertThat(mapped).as("endpoints without a rule in EndpointAccessIT.RULES").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for endpoints that no longer exist").isSubsetOf(mapped);
    }

    @Test
    void everyRoleIsRefusedWhatItMayNotCallAndAnonymousCallersAreSentToSignIn() {
        PortalClient anonymous = new PortalClient(port);
        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = entry.getKey().substring(method.length() + 1).replaceAll("\\{[a-z]+}", UUID.randomUUID().toString());
            Rule rule = entry.getValue();
            if (rule.access() == Access.PUBLIC) {
                continue;
            }
            HttpResponse<String> stranger = call(anonymous, "/signin", method, path);
            assertThat(stranger.statusCode()).as("anonymous %s", entry.getKey()).isIn(302, 401, 403);
            if (stranger.statusCode() == 302) {
                assertThat(stranger.headers().firstValue("Location").orElse("")).as("anonymous %s", entry.getKey()).endsWith("/signin");
            }
            if (rule.access() != Access.ROLES) {
                continue;
            }
            for (Role role : Role.values()) {
                HttpResponse<String> response = call(clients.get(role), "/account/security", method, path);
                if (rule.roles().contains(role)) {
                    assertThat(response.statusCode()).as("%s %s", role, entry.getKey()).isNotEqualTo(403);
                } else {
                    assertThat(response.statusCode()).as("%s %s", role, entry.getKey()).isIn(403, 404);
                }
            }
        }
    }

    /** A GET, or a POST with the CSRF token of a page the caller may open and no fields (refusals come before any field is read). */
    private static HttpResponse<String> call(PortalClient client, String page, String method, String path) {
        return "GET".equals(method) ? client.get(path) : client.submit(page, path, "");
    }

    @Test
    void aRefusalByRoleIsAuditedWithThePathButNotTheQuery() {
        PortalClient patient = clients.get(Role.PATIENT);
        java.sql.Timestamp since = java.sql.Timestamp.from(io.hearth.test.TestClock.INSTANCE.instant());
        assertThat(patient.get("/staff/patients?q=Ada+Quill").statusCode()).isEqualTo(403);
        assertThat(patient.submit("/", "/admin/accounts/" + UUID.randomUUID() + "/unlock", "").statusCode()).isEqualTo(403);
        audit.awaitChained();
        List<Map<String, Object>> entries = jdbc.queryForList("select object_id, reason from audit_entry where action = 'AUTHORIZATION_FAILURE'"
                + " and actor_id = ? and occurred_at >= ? order by occurred_at", "matrix.patient", since);
        assertThat(entries).extracting(entry -> entry.get("object_id")).hasSize(2).first().isEqualTo("GET /staff/patients");
        assertThat(entries.get(1).get("object_id").toString()).startsWith("POST /admin/accounts/").endsWith("/unlock");
        assertThat(entries).extracting(entry -> entry.get("reason")).containsOnly("role may not call it");
    }

    @Test
    void aStateChangeWithoutOrWithAWrongCsrfTokenIsRefusedAndAuditedWhenSignedIn() {
        PortalClient patient = clients.get(Role.PATIENT);
        java.sql.Timestamp since = java.sql.Timestamp.from(io.hearth.test.TestClock.INSTANCE.instant());

        assertThat(patient.postForm("/my/preferences/email", "").statusCode()).isEqualTo(403);
        assertThat(patient.postForm("/my/preferences/email", "_csrf=not-this-session-token").statusCode()).isEqualTo(403);
        assertThat(new PortalClient(port).postForm("/signin", "username=matrix.patient&password=wrong").statusCode())
                .as("not signed in: refused, and no entry anyone could fill the trail with").isEqualTo(403);

        audit.awaitChained();
        List<Map<String, Object>> entries = jdbc.queryForList("select actor_id, object_id, reason from audit_entry where action = 'AUTHORIZATION_FAILURE'"
                + " and reason like 'CSRF%' and occurred_at >= ? order by seq", since);
        assertThat(entries).extracting(entry -> entry.get("actor_id")).containsOnly("matrix.patient");
        assertThat(entries).extracting(entry -> entry.get("object_id")).containsOnly("POST /my/preferences/email");
        assertThat(entries).extracting(entry -> entry.get("reason")).containsExactly("CSRF token missing or wrong", "CSRF token missing or wrong");
    }
}
