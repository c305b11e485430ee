package io.hearth.test;

import io.hearth.fhir.FhirImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared synthetic patients ({@code ../shared/data/synthea}, or HEARTH_TEST_SYNTHEA): 12 gzipped patient bundles
 * plus the practitioner and hospital bundles they reference, the directory bundles first.
 */
public final class SyntheaBundles {

    private SyntheaBundles() {
    }

    public static Path folder() {
        Path folder = Path.of(System.getenv().getOrDefault("HEARTH_TEST_SYNTHEA", "../shared/data/synthea"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The shared Synthea bundles are not at " + folder.toAbsolutePath() + " (set HEARTH_TEST_SYNTHEA)");
        }
        return folder;
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json.gz"))
                    .sorted(Comparator.comparing((Path file) -> !isDirectory(file)).thenComparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> patients() {
        return all().stream().filter(file -> !isDirectory(file)).toList();
    }

    public static Path patient(String namePrefix) {
        return patients().stream().filter(file -> file.getFileName().toString().startsWith(namePrefix)).findFirst().orElseThrow();
    }

    /**
     * Imports the directory bundles and the patients whose bundle names start with these prefixes; returns each
     * prefix's patient record id.
     */
    public static java.util.Map<String, java.util.UUID> importPatients(FhirImport importer, String... prefixes) {
        java.util.Map<String, java.util.UUID> patients = new java.util.HashMap<>();
        for (Path file : all()) {
            String name = file.getFileName().toString();
            String prefix = Stream.of(prefixes).filter(name::startsWith).findFirst().orElse(null);
            if (prefix != null || isDirectory(file)) {
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    var result = importer.importBundle(in, "test");
                    if (prefix != null) {
                        patients.put(prefix, result.patients().iterator().next());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return patients;
    }

    static boolean isDirectory(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("practitionerInformation") || name.startsWith("hospitalInformation");
    }
}
