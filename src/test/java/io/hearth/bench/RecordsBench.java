package io.hearth.bench;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.FhirImport;
import io.hearth.records.ImportResult;
import io.hearth.test.SyntheaBundles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.context.ConfigurableApplicationContext;

/** The health record: FHIR import rate for the 12 shared Synthea bundles (encryption and audit on). */
final class RecordsBench {

    private RecordsBench() {
    }

    static void importRate(ConfigurableApplicationContext portal) throws Exception {
        System.out.println();
        System.out.println("== FHIR import: the 12 shared Synthea bundles + directory bundles, each in one transaction, encrypted, audited");
        List<Path> files = SyntheaBundles.all();
        FhirContext fhir = portal.getBean(FhirContext.class);
        // warm-up of HAPI's parser and the JIT without storing anything (a stored bundle would re-import as unchanged)
        long parseStarted = System.nanoTime();
        int resources = 0;
        for (int round = 0; round < 3; round++) {
            parseStarted = System.nanoTime();
            resources = 0;
            for (Path file : files) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    resources += fhir.newJsonParser().parseResource(Bundle.class, in).getEntry().size();
                }
            }
        }
        double parseSeconds = (System.nanoTime() - parseStarted) / 1e9;
        System.out.printf("HAPI parse alone (gunzip + JSON to R4 model, warm): %,d resources in %.2f s = %,.0f resources/s%n", resources,
                parseSeconds, resources / parseSeconds);

        FhirImport importer = portal.getBean(FhirImport.class);
        long started = System.nanoTime();
        int stored = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult result = importer.importBundle(in, "bench");
                stored += result.total();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("first import: %,d resources in %.2f s = %,.0f resources/s (goal >= 2,000/s)%n", stored, seconds, stored / seconds);

        started = System.nanoTime();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importBundle(in, "bench");
            }
        }
        seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("second import (nothing changed, nothing written): %.2f s = %,.0f resources/s%n", seconds, stored / seconds);
    }
}
