package io.hearth.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportBatch;
import io.hearth.records.ImportResult;
import io.hearth.records.RecordKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class BundleImporterTests {

    static final FhirContext FHIR = FhirContext.forR4();
    static final String BUNDLE = """
            {"resourceType":"Bundle","type":"transaction","entry":[
             {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient",
              "identifier":[{"system":"urn:mrn","value":"A-1"}],"name":[{"family":"Åström","given":["Zoë"]}]}},
             {"fullUrl":"urn:uuid:22222222-2222-2222-2222-222222222222","resource":{"resourceType":"Observation","status":"final",
              "code":{"coding":[{"system":"http://loinc.org","code":"2339-0"}]},"valueQuantity":{"value":92,"unit":"mg/dL"},
              "subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"},
              "performer":[{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999949198"}]}},
             {"fullUrl":"urn:uuid:33333333-3333-3333-3333-333333333333","resource":{"resourceType":"Provenance"}}]}""";

    static final FhirProperties PROPERTIES = new FhirProperties(org.springframework.util.unit.DataSize.ofMegabytes(32), false, 1);

    @Test
    void mapsIdentityReferencesAndUnstoredTypesAndTheNameSurvives() {
        AtomicReference<ImportBatch> stored = new AtomicReference<>();
        new BundleImporter(FHIR, PROPERTIES, records(batch -> stored.set(batch))).importBundle(json(BUNDLE), "test");

        ImportBatch batch = stored.get();
        assertThat(batch.notStored()).containsEntry("Provenance", 1);
        assertThat(batch.entries()).extracting(entry -> entry.kind()).containsExactly(RecordKind.PATIENT, RecordKind.OBSERVATION);
        assertThat(batch.entries().get(0).sourceKey()).as("identity from the identifier").isEqualTo("Patient|urn:mrn|A-1");
        assertThat(batch.entries().get(0).details().title()).isEqualTo("Zoë Åström");
        assertThat(batch.entries().get(1).sourceKey()).as("no identifier: the fullUrl")
                .isEqualTo("Observation|urn:uuid:22222222-2222-2222-2222-222222222222");
        assertThat(batch.entries().get(1).patientKey()).as("the reference resolved within the bundle").isEqualTo("Patient|urn:mrn|A-1");
        assertThat(batch.entries().get(1).code()).isEqualTo("http://loinc.org|2339-0");
        assertThat(batch.entries().get(1).details().value()).isEqualTo(92.0);
    }

    @Test
    void aRaceWithAnotherImportIsAConflictToSendAgainWithoutTheDatabasesMessage() {
        BundleImporter importer = new BundleImporter(FHIR, PROPERTIES, records(batch -> {
            throw new DataIntegrityViolationException("duplicate key value (source_key)=(0f3a...) violates unique constraint");
        }));

        assertThatThrownBy(() -> importer.importBundle(json(BUNDLE), "test")).isInstanceOfSatisfying(BundleRejectedException.class, rejected -> {
            assertThat(rejected.problem()).isEqualTo(BundleRejectedException.Problem.CONFLICT);
            assertThat(rejected.getMessage()).contains("send the bundle again").doesNotContain("source_key", "duplicate");
        });
    }

    @Test
    void anyOtherDatabaseRefusalPassesOnItsSqlStateButNeverTheRowItQuotes() {
        BundleImporter otherFailure = new BundleImporter(FHIR, PROPERTIES, records(batch -> {
            throw new org.springframework.dao.DataAccessResourceFailureException("connection lost while writing PHI-MARKER",
                    new java.sql.SQLException("I/O error PHI-MARKER", "08006"));
        }));

        assertThatThrownBy(() -> otherFailure.importBundle(json(BUNDLE), "test")).isInstanceOfSatisfying(IllegalStateException.class, refused -> {
            assertThat(refused.getMessage()).contains("08006").doesNotContain("PHI-MARKER");
            assertThat(refused.getCause()).as("the driver's message is not chained on").isNull();
        });
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HealthRecords records(java.util.function.Consumer<ImportBatch> store) {
        return new HealthRecords() {
            @Override
            public ImportResult store(ImportBatch batch) {
                store.accept(batch);
                return new ImportResult(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), batch.notStored(), java.util.Set.of());
            }

            @Override
            public void refreshStatistics() {
            }

            @Override
            public boolean hasPatient(UUID patientId) {
                return false;
            }

            @Override
            public Optional<UUID> practitionerByIdentifier(String identifier) {
                return Optional.empty();
            }
        };
    }
}
