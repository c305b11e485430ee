package io.hearth.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.identity.Role;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The EHR feed endpoint: who may call it, its size limit, and FHIR OperationOutcome answers without internals. */
@PortalTest
@TestPropertySource(properties = "hearth.fhir.max-bundle-size=256KB")
class BundleEndpointIT {

    static final String PASSWORD = "meadow-lantern-copper-58";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts people;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.hearth.test.TestAudit audit;

    @BeforeEach
    void people() {
        people.create("feed.admin", "Feed Admin", PASSWORD, Role.ADMIN);
        people.create("feed.patient", "Feed Patient", PASSWORD, Role.PATIENT);
    }

    @Test
    void anAdministratorImportsABundleAndGetsAnOperationOutcome() throws IOException {
        HttpResponse<String> answer = post(signedIn("feed.admin"), gunzip(directoryBundle()), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"severity\":\"information\"", "Organization=45", "Location=46");
        assertThat(jdbc.queryForObject("select count(*) from directory_entry", Long.class)).isEqualTo(91);
        audit.awaitChained();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORD_IMPORTED' and actor_id = 'system:fhir-import'"
                + " and reason like 'HTTP endpoint, sent by feed.admin%'", Long.class)).isEqualTo(1);
    }

    @Test
    void aBundleOverTheLimitIsRefusedWith413BeforeOrWhileReading() throws IOException {
        PortalClient admin = signedIn("feed.admin");
        byte[] large = gunzip(SyntheaBundles.patient("Leatrice181"));

        HttpResponse<String> plain = post(admin, large, "application/fhir+json");
        HttpResponse<String> gzipped = post(admin, Files.readAllBytes(SyntheaBundles.patient("Leatrice181")), "application/fhir+json");

        assertThat(plain.statusCode()).isEqualTo(413);
        assertThat(plain.body()).contains("OperationOutcome", "too-costly", "256");
        assertThat(gzipped.statusCode()).as("73 KB of gzip that would grow to 770 KB").isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void malformedJsonAndOtherFhirVersionsGet400WithAnOperationOutcomeAndNoInternals() {
        PortalClient admin = signedIn("feed.admin");

        HttpResponse<String> malformed = post(admin, "{\"resourceType\": \"Bundle\", \"type\": ".getBytes(StandardCharsets.UTF_8), "application/fhir+json");
        HttpResponse<String> r5 = post(admin, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"issues\":{\"resourceType\":\"OperationOutcome\"}}"
                .getBytes(StandardCharsets.UTF_8), "application/fhir+json");
        HttpResponse<String> declared = post(admin, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"}".getBytes(StandardCharsets.UTF_8),
                "application/fhir+json; fhirVersion=5.0");
        HttpResponse<String> notABundle = post(admin, "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        for (HttpResponse<String> answer : new HttpResponse[] { malformed, r5, declared, notABundle }) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"severity\":\"error\"")
                    .doesNotContain("Exception", "at io.", "at ca.uhn", "HAPI-");
        }
        assertThat(r5.body()).contains("issues", "not part of FHIR R4");
        assertThat(declared.body()).contains("FHIR R4");
    }

    @Test
    void aBadEntryGets422NamingTheEntryAndNothingIsStored() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","name":[{"family":"Åström","given":["Zoë"]}]}},
                 {"fullUrl":"urn:uuid:22222222-2222-2222-2222-222222222222","resource":{"resourceType":"Observation","status":"final",
                  "code":{"coding":[{"system":"http://loinc.org","code":"2339-0"}]},
                  "subject":{"reference":"urn:uuid:99999999-9999-9999-9999-999999999999"}}}]}""";

        HttpResponse<String> answer = post(signedIn("feed.admin"), bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Bundle.entry[1]", "urn:uuid:22222222-2222-2222-2222-222222222222", "does not resolve",
                "Nothing was stored").doesNotContain("Åström", "Zoë");
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void anObservationWithoutStatusAndCodeFailsValidationWith422NamingTheEntryAndNothingIsStored() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","name":[{"family":"Åström","given":["Zoë"]}]}},
                 {"fullUrl":"urn:uuid:33333333-3333-3333-3333-333333333333","resource":{"resourceType":"Observation",
                  "subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"},"valueString":"secret-value-42"}}]}""";

        HttpResponse<String> answer = post(signedIn("feed.admin"), bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"", "Bundle.entry[1]",
                "urn:uuid:33333333-3333-3333-3333-333333333333", "not valid FHIR R4", "Observation.status", "minimum required", "Nothing was stored")
                .doesNotContain("Åström", "Zoë", "secret-value-42", "HAPI-", "Exception");
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void aReferenceToTheWrongKindOfResourceFailsValidationWith422AndNothingIsStored() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","name":[{"family":"Åström"}]}},
                 {"fullUrl":"urn:uuid:44444444-4444-4444-4444-444444444444","resource":{"resourceType":"Medication",
                  "code":{"text":"aspirin"}}},
                 {"fullUrl":"urn:uuid:55555555-5555-5555-5555-555555555555","resource":{"resourceType":"Observation","status":"final",
                  "code":{"coding":[{"system":"http://loinc.org","code":"2339-0"}]},
                  "subject":{"reference":"urn:uuid:44444444-4444-4444-4444-444444444444"}}}]}""";

        HttpResponse<String> answer = post(signedIn("feed.admin"), bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Bundle.entry[2]", "not valid FHIR R4", "Nothing was stored").doesNotContain("Åström", "aspirin");
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void numbersBeyondASaneMagnitudeOrPrecisionAreRefusedWhileParsingWith400NamingTheEntry() {
        PortalClient admin = signedIn("feed.admin");
        // the cheap ones first: before the fix the first is stored (200) and the huge exponent is never sent
        for (String number : new String[] { "1e999", "-1e999", "1e-999", "1e99999", "1" + "0".repeat(1000), "1e999999999" }) {
            HttpResponse<String> answer = post(admin, observationWithValue(number), "application/fhir+json");

            assertThat(answer.statusCode()).as(number.substring(0, Math.min(12, number.length()))).isEqualTo(400);
            assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"structure\"", "Bundle.entry[1]",
                    "number", "Nothing was stored").doesNotContain("e999", "0000000000", "Åström", "Exception", "HAPI-");
        }
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void duplicateKeysAreRefusedWith400NamingTheEntryAndTheElementNotTheValues() {
        String bundle = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","name":[{"family":"Åström","family":"Berg"}]}}]}""";

        HttpResponse<String> answer = post(signedIn("feed.admin"), bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Bundle.entry[0]", "family", "more than once", "Nothing was stored").doesNotContain("Åström", "Berg");
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void arraysInsideArraysAndEmptyArraysAreRefusedWith400() {
        PortalClient admin = signedIn("feed.admin");
        String patient = "{\"fullUrl\":\"urn:uuid:11111111-1111-1111-1111-111111111111\",\"resource\":{\"resourceType\":\"Patient\"%s}}";
        String flattened = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[[[" + patient.formatted("") + "]]]}";
        String unknownOfArrays = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + patient.formatted(",\"zz\":[[]]") + "]}";
        String unknownEmpty = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + patient.formatted(",\"zz\":[]") + "]}";

        for (String bundle : new String[] { flattened, unknownOfArrays, unknownEmpty }) {
            HttpResponse<String> answer = post(admin, bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

            assertThat(answer.statusCode()).as(bundle).isEqualTo(400);
            assertThat(answer.body()).as(bundle).contains("OperationOutcome", "array", "Nothing was stored").doesNotContain("Exception", "HAPI-");
        }
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWith400NamingTheEntry() {
        String extension = "{\"url\":\"http://example.org/x\",\"valueString\":\"deep\"}";
        for (int i = 0; i < 200; i++) {
            extension = "{\"url\":\"http://example.org/x\",\"extension\":[" + extension + "]}";
        }
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\"urn:uuid:11111111-1111-1111-1111-111111111111\","
                + "\"resource\":{\"resourceType\":\"Patient\",\"extension\":[" + extension + "]}}]}";

        HttpResponse<String> answer = post(signedIn("feed.admin"), bundle.getBytes(StandardCharsets.UTF_8), "application/fhir+json");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("OperationOutcome", "Bundle.entry[0]", "nested", "Nothing was stored").doesNotContain("Exception", "HAPI-");
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isZero();
    }

    /** A patient and one of their lab results whose value is the JSON number given, as the attack run sent it. */
    private static byte[] observationWithValue(String number) {
        return ("""
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","name":[{"family":"Åström"}]}},
                 {"fullUrl":"urn:uuid:22222222-2222-2222-2222-222222222222","resource":{"resourceType":"Observation","status":"final",
                  "code":{"coding":[{"system":"http://loinc.org","code":"2339-0"}]},
                  "subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"},
                  "valueQuantity":{"value":%s,"unit":"mg/dL"}}}]}""".formatted(number)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void onlyAdministratorsWithTheirCsrfTokenMayPost() throws IOException {
        byte[] bundle = gunzip(directoryBundle());

        assertThat(post(signedIn("feed.patient"), bundle, "application/fhir+json").statusCode()).as("a patient").isEqualTo(403);
        PortalClient admin = signedIn("feed.admin");
        HttpResponse<String> withoutToken = admin.send(HttpRequest.newBuilder(admin.uri("/admin/fhir"))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(bundle)).build());
        assertThat(withoutToken.statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> anonymous = new PortalClient(port).send(HttpRequest.newBuilder(admin.uri("/admin/fhir"))
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofByteArray(bundle)).build());
        assertThat(anonymous.statusCode()).as("not signed in").isIn(302, 401, 403);
        assertThat(jdbc.queryForObject("select count(*) from directory_entry", Long.class)).isZero();
    }

    private PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    /** Posts with the CSRF token from the session's pages, as a script of the signed-in administrator would. */
    private static HttpResponse<String> post(PortalClient client, byte[] body, String contentType) {
        String token = PortalClient.csrfToken(client.get("/").body());
        return client.send(HttpRequest.newBuilder(client.uri("/admin/fhir")).header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static Path directoryBundle() {
        return SyntheaBundles.all().stream().filter(file -> file.getFileName().toString().startsWith("hospitalInformation")).findFirst().orElseThrow();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
