package io.hearth.test;

import io.hearth.fhir.FhirImport;
import io.hearth.records.HealthRecords;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small synthetic health records for tests: a patient with visits to practitioners, who become their care team. */
public final class TestRecords {

    private final FhirImport fhirImport;
    private final HealthRecords records;

    TestRecords(FhirImport fhirImport, HealthRecords records) {
        this.fhirImport = fhirImport;
        this.records = records;
    }

    /** The directory id of the practitioner with this NPI (imported with a patient first). */
    public UUID practitioner(String npi) {
        return records.practitionerByIdentifier("http://hl7.org/fhir/sid/us-npi|" + npi).orElseThrow();
    }

    /** A patient with a visit with each of two practitioners (the same one twice when both are alike). */
    public UUID importPatient(String key, String given, String family, String npi, String secondNpi) {
        String bundle = TestBundles.patient(UUID.randomUUID().toString(), key, given, family, java.util.List.of(npi, secondNpi), java.util.List.of());
        return fhirImport.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "test").patients().iterator().next();
    }
}
