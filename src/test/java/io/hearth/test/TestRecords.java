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
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient","identifier":[{"system":"urn:mrn","value":"%2$s"}],
                  "name":[{"family":"%4$s","given":["%3$s"]}],"birthDate":"1980-02-03"}},
                 {"fullUrl":"urn:uuid:%5$s","resource":{"resourceType":"Practitioner","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"%6$s"}],
                  "name":[{"family":"Doctor%6$s","given":["Pat"],"prefix":["Dr."]}]}},
                 {"fullUrl":"urn:uuid:%7$s","resource":{"resourceType":"Encounter","status":"finished",
                  "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                  "subject":{"reference":"urn:uuid:%1$s"},"period":{"start":"2025-05-01T10:00:00Z","end":"2025-05-01T10:30:00Z"},
                  "participant":[{"individual":{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|%6$s"}}]}},
                 {"fullUrl":"urn:uuid:%8$s","resource":{"resourceType":"Encounter","status":"finished",
                  "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                  "subject":{"reference":"urn:uuid:%1$s"},"period":{"start":"2025-06-01T10:00:00Z","end":"2025-06-01T10:30:00Z"},
                  "participant":[{"individual":{"reference":"Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|%9$s"}}]}}]}"""
                .formatted(UUID.randomUUID(), key, given, family, UUID.randomUUID(), npi, UUID.randomUUID(), UUID.randomUUID(), secondNpi);
        return fhirImport.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)), "test").patients().iterator().next();
    }
}
