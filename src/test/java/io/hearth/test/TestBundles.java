package io.hearth.test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small FHIR transaction bundles for integration tests, as the EHR would send them. */
public final class TestBundles {

    public static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    private TestBundles() {
    }

    /**
     * A patient (MRN {@code key}, born 1980-02-03), the practitioner with the first NPI, one finished visit with each NPI
     * (the first on 2025-05-01, then a month apart) and the given further entries, which may refer to the patient as
     * {@code urn:uuid:<patientUrn>}.
     */
    public static String patient(String patientUrn, String key, String given, String family, List<String> visitNpis, List<String> moreEntries) {
        String visits = IntStream.range(0, visitNpis.size()).mapToObj(i -> """
                {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"Encounter","status":"finished",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                 "subject":{"reference":"urn:uuid:%s"},"period":{"start":"2025-%02d-01T10:00:00Z","end":"2025-%02d-01T10:30:00Z"},
                 "participant":[{"individual":{"reference":"Practitioner?identifier=%s|%s"}}]}}"""
                .formatted(UUID.randomUUID(), patientUrn, 5 + i, 5 + i, NPI, visitNpis.get(i))).collect(Collectors.joining(",\n"));
        String more = moreEntries.isEmpty() ? "" : ",\n" + String.join(",\n", moreEntries);
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Patient","identifier":[{"system":"urn:mrn","value":"%2$s"}],
                  "name":[{"family":"%4$s","given":["%3$s"]}],"birthDate":"1980-02-03"}},
                 {"fullUrl":"urn:uuid:%5$s","resource":{"resourceType":"Practitioner","identifier":[{"system":"%6$s","value":"%7$s"}],
                  "name":[{"family":"Doctor%7$s","given":["Pat"],"prefix":["Dr."]}]}},
                %8$s%9$s]}""".formatted(patientUrn, key, given, family, UUID.randomUUID(), NPI, visitNpis.get(0), visits, more);
    }
}
