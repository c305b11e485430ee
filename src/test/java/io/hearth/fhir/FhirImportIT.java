package io.hearth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.records.CareTeams;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportResult;
import io.hearth.records.PatientIdentities;
import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.test.PortalTest;
import io.hearth.test.SyntheaBundles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 12 shared Synthea patients, imported once for the class on PostgreSQL. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirImportIT {

    /** Resource types the record keeps (the directory types in directory_entry, the rest in record_entry). */
    static final Set<String> STORED = Set.of("Patient", "Encounter", "Observation", "DiagnosticReport", "Condition", "AllergyIntolerance",
            "MedicationRequest", "Medication", "Immunization", "Procedure", "CarePlan", "CareTeam", "DocumentReference", "Claim",
            "ExplanationOfBenefit", "Practitioner", "Organization", "Location");

    @Autowired
    FhirImport fhirImport;

    @Autowired
    FhirContext fhir;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired
    PatientIdentities identities;

    @Autowired
    HealthRecords records;

    @Autowired
    CareTeams careTeams;

    final Map<Path, ImportResult> firstImport = new HashMap<>();
    double firstImportSeconds;

    @BeforeAll
    void importAllTwelve() throws IOException {
        long started = System.nanoTime();
        for (Path file : SyntheaBundles.all()) {
            try (InputStream in = Files.newInputStream(file)) {
                firstImport.put(file, fhirImport.importBundle(in, "test"));
            }
        }
        firstImportSeconds = (System.nanoTime() - started) / 1e9;
    }

    @Test
    void everyResourceOfTheTwelveBundlesIsStoredOrCountedByType() throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        for (Path file : SyntheaBundles.all()) {
            for (Bundle.BundleEntryComponent entry : parse(file).getEntry()) {
                expected.merge(entry.getResource().fhirType(), 1, Integer::sum);
            }
        }
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Integer> notStored = new TreeMap<>();
        firstImport.values().forEach(result -> {
            result.created().forEach((type, n) -> created.merge(type, n, Integer::sum));
            result.notStored().forEach((type, n) -> notStored.merge(type, n, Integer::sum));
            assertThat(result.updated()).isEmpty();
        });
        Map<String, Integer> reported = new TreeMap<>(created);
        notStored.forEach((type, n) -> reported.merge(type, n, Integer::sum));

        assertThat(reported).as("every resource counted once").isEqualTo(expected);
        assertThat(created.keySet()).isEqualTo(STORED);
        assertThat(notStored).containsKeys("Provenance", "SupplyDelivery", "Device", "PractitionerRole").doesNotContainKeys("Observation");
        Map<String, Integer> inDatabase = new TreeMap<>();
        jdbc.query("select kind, count(*) from record_entry group by kind", row -> {
            inDatabase.put(typeName(row.getString(1)), row.getInt(2));
        });
        jdbc.query("select kind, count(*) from directory_entry group by kind", row -> {
            inDatabase.put(typeName(row.getString(1)), row.getInt(2));
        });
        assertThat(inDatabase).isEqualTo(created);
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("FhirImportIT: %d resources in %.2f s (%.0f/s, including the first HAPI warm-up)%n", total, firstImportSeconds,
                total / firstImportSeconds);
    }

    @Test
    void aSecondImportOfTheSameBundlesChangesNothing() throws IOException {
        long rows = jdbc.queryForObject("select count(*) from record_entry", Long.class);
        String before = jdbc.queryForObject("select max(imported_at)::text from record_entry", String.class);
        long patientEntries = importEntries();

        for (Path file : SyntheaBundles.all()) {
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult again = fhirImport.importBundle(in, "test");
                assertThat(again.created()).as(file.getFileName().toString()).isEmpty();
                assertThat(again.updated()).isEmpty();
                assertThat(again.unchanged()).isEqualTo(firstImport.get(file).created());
            }
        }

        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select max(imported_at)::text from record_entry", String.class)).isEqualTo(before);
        assertThat(importEntries()).as("no patient's record changed, so no per-patient import entry").isEqualTo(patientEntries);
    }

    @Test
    void anEditedBundleUpdatesTheChangedResourceInPlace() throws IOException {
        Path file = SyntheaBundles.patient("Leatrice181");
        Bundle bundle = parse(file);
        Observation lab = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance)
                .map(Observation.class::cast).filter(o -> o.getValue() instanceof Quantity && "laboratory".equals(o.getCategoryFirstRep().getCodingFirstRep().getCode()))
                .findFirst().orElseThrow();
        lab.setValue(new Quantity().setValue(987.6).setUnit("mg/dL"));
        long rows = jdbc.queryForObject("select count(*) from record_entry", Long.class);

        ImportResult result = fhirImport.importBundle(json(bundle), "test");

        assertThat(result.updated()).isEqualTo(Map.of("Observation", 1));
        assertThat(result.created()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isEqualTo(rows);
        UUID patient = result.patients().iterator().next();
        EncryptedColumn details = EncryptedColumn.of("record_entry", "details_ciphertext");
        assertThat(jdbc.query("select id, details_ciphertext from record_entry where patient_id = ? and kind = 'OBSERVATION'"
                + " and category = 'laboratory'", (row, n) -> cipher.decrypt(row.getBytes(2), details.at(row.getObject(1, UUID.class))), patient))
                .filteredOn(json -> json.contains("\"value\":987.6")).hasSize(1);
        try (InputStream original = Files.newInputStream(file)) {
            assertThat(fhirImport.importBundle(original, "test").updated()).as("back as it was").isEqualTo(Map.of("Observation", 1));
        }
    }

    @Test
    void aBundleWithOneBrokenEntryIsRejectedNamingItAndStoresNothing() throws IOException {
        Bundle bundle = parse(SyntheaBundles.patient("Monroe732"));
        int broken = 7;
        Bundle.BundleEntryComponent entry = bundle.getEntry().get(broken);
        setSubject(entry, "urn:uuid:00000000-0000-0000-0000-000000000000");
        long rows = jdbc.queryForObject("select count(*) from record_entry", Long.class);
        long audit = jdbc.queryForObject("select count(*) from audit_entry", Long.class) + jdbc.queryForObject("select count(*) from audit_pending", Long.class);

        assertThatThrownBy(() -> fhirImport.importBundle(json(bundle), "test"))
                .isInstanceOfSatisfying(BundleRejectedException.class, rejected -> {
                    assertThat(rejected.problem()).isEqualTo(BundleRejectedException.Problem.INVALID_ENTRY);
                    assertThat(rejected.location()).isEqualTo("Bundle.entry[" + broken + "]");
                    assertThat(rejected.getMessage()).contains(entry.getFullUrl()).contains("does not resolve");
                });
        assertThat(jdbc.queryForObject("select count(*) from record_entry", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)
                + jdbc.queryForObject("select count(*) from audit_pending", Long.class)).as("nothing stored, nothing audited").isEqualTo(audit);
    }

    @Test
    void anInvalidValueNamesItsEntryWithoutTheValue() throws IOException {
        Bundle bundle = parse(SyntheaBundles.patient("Monroe732"));
        String json = fhir.newJsonParser().encodeResourceToString(bundle);
        int index = java.util.stream.IntStream.range(0, bundle.getEntry().size())
                .filter(i -> bundle.getEntry().get(i).getResource() instanceof Observation).findFirst().orElseThrow();
        String effective = ((Observation) bundle.getEntry().get(index).getResource()).getEffectiveDateTimeType().getValueAsString();
        String damaged = json.replaceFirst(java.util.regex.Pattern.quote("\"effectiveDateTime\":\"" + effective + "\""),
                "\"effectiveDateTime\":\"yesterday-ish\"");
        assertThat(bundle.getEntry().get(index).getResource()).isInstanceOf(Observation.class);

        assertThatThrownBy(() -> fhirImport.importBundle(new ByteArrayInputStream(damaged.getBytes(StandardCharsets.UTF_8)), "test"))
                .isInstanceOfSatisfying(BundleRejectedException.class, rejected -> {
                    assertThat(rejected.location()).isEqualTo("Bundle.entry[" + index + "]");
                    assertThat(rejected.getMessage()).contains("invalid value").doesNotContain("yesterday-ish");
                });
    }

    @Test
    void aSyntheaBundlePassesTheFhirValidatorAsTheEndpointRunsIt() throws IOException {
        try (InputStream in = Files.newInputStream(SyntheaBundles.patient("Cedric746"))) {
            ImportResult again = fhirImport.importBundle(in, "test", Long.MAX_VALUE, true);

            assertThat(again.written()).as("valid, and already stored").isZero();
            assertThat(again.unchanged()).containsKey("Observation");
        }
    }

    @Test
    void namesWithNonAsciiLettersSurviveAndAreNotStoredInClear() throws IOException {
        ImportResult result = firstImport.get(SyntheaBundles.patient("Beatriz277"));
        UUID patient = result.patients().iterator().next();

        String name = identities.of(patient).orElseThrow().name();

        assertThat(name).contains("Magaña874");
        List<byte[]> stored = jdbc.queryForList("select details_ciphertext from record_entry where patient_id = ?", byte[].class, patient);
        assertThat(stored).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("Beatriz")
                || new String(bytes, StandardCharsets.ISO_8859_1).contains("Beatriz"));
    }

    @Test
    void practitionersWithVisitsAreInTheirPatientsCareTeamAndNobodyElses() {
        UUID leatrice = firstImport.get(SyntheaBundles.patient("Leatrice181")).patients().iterator().next();
        UUID monroe = firstImport.get(SyntheaBundles.patient("Monroe732")).patients().iterator().next();
        var team = careTeams.careTeamOf(leatrice);
        assertThat(team).isNotEmpty();
        UUID doctor = team.get(0).practitionerId();
        assertThat(team.get(0).name()).isNotBlank();

        assertThat(careTeams.isInCareTeam(doctor, leatrice)).isTrue();
        assertThat(careTeams.patientsOf(doctor)).contains(leatrice);
        assertThat(careTeams.careTeamOf(monroe)).noneMatch(member -> member.practitionerId().equals(doctor));
        assertThat(careTeams.isInCareTeam(doctor, monroe)).isFalse();
        assertThat(records.practitionerByIdentifier("http://hl7.org/fhir/sid/us-npi|9999949198")).isPresent();
    }

    @Test
    void thePortalsDatabaseRoleCannotDeleteRecords() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.hearth.test.TestDatabase.onPostgres(), "roles exist on PostgreSQL only");

        assertThatThrownBy(() -> jdbc.update("delete from record_entry where id = ?", UUID.randomUUID()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("delete from directory_entry where id = ?", UUID.randomUUID()))
                .hasStackTraceContaining("permission denied");
    }

    private long importEntries() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'RECORD_IMPORTED' and patient_id is not null", Long.class)
                + jdbc.queryForObject("select count(*) from audit_pending where action = 'RECORD_IMPORTED' and patient_id is not null", Long.class);
    }

    private static void setSubject(Bundle.BundleEntryComponent entry, String reference) {
        var resource = entry.getResource();
        if (resource instanceof org.hl7.fhir.r4.model.Observation observation) {
            observation.getSubject().setReference(reference);
        } else if (resource instanceof org.hl7.fhir.r4.model.Condition condition) {
            condition.getSubject().setReference(reference);
        } else if (resource instanceof org.hl7.fhir.r4.model.Procedure procedure) {
            procedure.getSubject().setReference(reference);
        } else if (resource instanceof org.hl7.fhir.r4.model.Encounter encounter) {
            encounter.getSubject().setReference(reference);
        } else if (resource instanceof org.hl7.fhir.r4.model.Immunization immunization) {
            immunization.getPatient().setReference(reference);
        } else if (resource instanceof org.hl7.fhir.r4.model.DiagnosticReport report) {
            report.getSubject().setReference(reference);
        } else {
            throw new IllegalStateException("pick another entry: " + resource.fhirType());
        }
    }

    private Bundle parse(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return fhir.newJsonParser().parseResource(Bundle.class, in);
        }
    }

    private InputStream json(Bundle bundle) {
        return new ByteArrayInputStream(fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8));
    }

    private static String typeName(String kind) {
        return switch (kind) {
            case "ALLERGY" -> "AllergyIntolerance";
            case "DOCUMENT" -> "DocumentReference";
            default -> java.util.Arrays.stream(kind.split("_")).map(part -> part.charAt(0) + part.substring(1).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining());
        };
    }
}
