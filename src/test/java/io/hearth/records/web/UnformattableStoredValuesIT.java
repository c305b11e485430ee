package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.FhirImport;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.CareTeams;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportBatch;
import io.hearth.records.RecordDetails;
import io.hearth.records.RecordEntry;
import io.hearth.records.RecordKind;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import io.hearth.test.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Values the import refuses now (1e999 became infinite as a double) may already be stored from before: the record's
 * pages show them as unavailable instead of failing for that patient for good.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnformattableStoredValuesIT {

    static final String PASSWORD = "copper-harbor-thistle-61";
    static final String GLUCOSE = "http://loinc.org|2339-0";

    @LocalServerPort
    int port;

    @Autowired
    FhirImport fhirImport;

    @Autowired
    HealthRecords records;

    @Autowired
    FhirContext fhir;

    @Autowired
    Accounts accounts;

    @Autowired
    CareTeams careTeams;

    @Autowired
    TestAccounts people;

    UUID leatrice;

    @BeforeAll
    void storeValuesNoPageCanFormat() throws IOException {
        leatrice = SyntheaBundles.importPatients(fhirImport, "Leatrice181").get("Leatrice181");
        String patientKey = patientKey();
        Instant now = Instant.now();
        records.store(new ImportBatch("test", List.of(), List.of(
                result("infinite", patientKey, now.minus(Duration.ofHours(1)), Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY),
                result("not-a-number", patientKey, now.minus(Duration.ofHours(2)), Double.NaN, null, null),
                result("largest", patientKey, now.minus(Duration.ofHours(3)), Double.MAX_VALUE, -Double.MAX_VALUE, null)), Map.of()));
        people.create("leatrice.patient", "Leatrice Patient", PASSWORD, Role.PATIENT);
        accounts.linkPatient("leatrice.patient", leatrice);
        people.create("dr.leatrice", "Dr. Of Leatrice", PASSWORD, Role.PROVIDER);
        accounts.linkPractitioner("dr.leatrice", careTeams.careTeamOf(leatrice).get(0).practitionerId());
    }

    @Test
    void thePatientsResultsPagesShowAValueTheyCannotFormatAsUnavailable() {
        assertResultPagesOpen(signedIn("leatrice.patient"), "/my");
    }

    @Test
    void theStaffsResultsPagesShowAValueTheyCannotFormatAsUnavailable() {
        assertResultPagesOpen(signedIn("dr.leatrice"), "/staff/patients/" + leatrice);
    }

    private static void assertResultPagesOpen(PortalClient client, String base) {
        HttpResponse<String> results = client.get(base + "/results");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("unavailable").doesNotContain("Infinity", "NaN");
        String rowWithUnavailableValue = java.util.Arrays.stream(results.body().split("href=\"" + base + "/results/"))
                .filter(row -> row.matches("(?s)[0-9a-f-]{36}\".*?unavailable.*")).findFirst().orElseThrow().substring(0, 36);
        HttpResponse<String> result = client.get(base + "/results/" + rowWithUnavailableValue);
        assertThat(result.statusCode()).as("the result with its trend").isEqualTo(200);
        assertThat(result.body()).contains("unavailable").doesNotContain("Infinity", "NaN");
        assertThat(client.get(base + "/record").statusCode()).as("the summary").isEqualTo(200);
    }

    private static RecordEntry result(String name, String patientKey, Instant when, Double value, Double low, Double high) {
        return new RecordEntry("entry " + name, RecordKind.OBSERVATION, "Observation|urn:test|" + name, patientKey, null, List.of(),
                "laboratory", "final", GLUCOSE, when, null, List.of(), new RecordDetails("Glucose", GLUCOSE, null, value, "mg/dL", low, high,
                        null, null, null, null, null, null, null, List.of(), Map.of()));
    }

    /** The record's identity of the imported patient: type and first identifier, as the import keys it. */
    private String patientKey() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SyntheaBundles.patient("Leatrice181")))) {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, in);
            Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                    .map(Patient.class::cast).findFirst().orElseThrow();
            Identifier identifier = patient.getIdentifier().stream().filter(id -> id.hasSystem() && id.hasValue()).findFirst().orElseThrow();
            return "Patient|" + identifier.getSystem() + "|" + identifier.getValue();
        }
    }

    private PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }
}
