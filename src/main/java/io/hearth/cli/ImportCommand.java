package io.hearth.cli;

import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.FhirImport;
import io.hearth.records.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = { "Imports FHIR R4 bundles from the EHR into the health record: .json or .json.gz files, or folders of them.",
                "Each bundle is stored in one transaction or not at all; importing it again updates in place.",
                "Bundles may come in any order (practitioner and organization references are resolved when read)." })
class ImportCommand extends OfflineCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "bundles, or folders holding them")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--validate", description = { "Validate each bundle against the FHIR R4 definitions first (cardinality, types,",
            "invariants), as the EHR endpoint does; thorough but about ten times slower." })
    boolean validate;

    @Option(names = "--max-bundle-size", paramLabel = "SIZE", converter = DataSizeConverter.class,
            description = { "Refuse a bundle whose JSON (after gzip) is larger than this, e.g. 200MB; default: hearth.fhir.max-bundle-size",
                    "(32MB). Raise it only for a known large file: an import needs some 16 times the bundle's size of heap (80 with --validate)." })
    DataSize maxBundleSize;

    ImportCommand(Class<?> application) {
        super(application);
    }

    @Override
    int beforeStart() {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                spec.commandLine().getErr().println("No such file or folder: " + path);
                return 2;
            }
        }
        return 0;
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
        List<Path> files = bundles(paths);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        FhirImport importer = context.getBean(FhirImport.class);
        long maxBytes = maxBundleSize == null ? importer.maxBundleBytes() : maxBundleSize.toBytes();
        PrintWriter err = spec.commandLine().getErr();
        String origin = "command line, run by " + System.getProperty("user.name");
        Map<String, Integer> created = new TreeMap<>();
        Map<String, Integer> updated = new TreeMap<>();
        Map<String, Integer> unchanged = new TreeMap<>();
        Map<String, Integer> notStored = new TreeMap<>();
        long started = System.nanoTime();
        long doneBytes = 0;
        long resources = 0;
        int rejected = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            try (InputStream in = Files.newInputStream(file)) {
                ImportResult result = importer.importBundle(in, origin, maxBytes, validate);
                resources += result.total();
                result.created().forEach((type, n) -> created.merge(type, n, Integer::sum));
                result.updated().forEach((type, n) -> updated.merge(type, n, Integer::sum));
                result.unchanged().forEach((type, n) -> unchanged.merge(type, n, Integer::sum));
                result.notStored().forEach((type, n) -> notStored.merge(type, n, Integer::sum));
            } catch (BundleRejectedException refused) {
                rejected++;
                out.println();
                err.printf("Bundle %d of %d (%s) was not imported, nothing of it stored: %s%s%n", i + 1, files.size(), file, refused.getMessage(),
                        refused.problem() == BundleRejectedException.Problem.TOO_LARGE ? " (--max-bundle-size raises the limit for a known large file)" : "");
                err.flush();
            }
            doneBytes += Files.size(file);
            out.print("\r" + ProgressBar.render(doneBytes, totalBytes, resources, "resources", Duration.ofNanos(System.nanoTime() - started)));
            out.flush();
        }
        out.println();
        importer.refreshStatistics();
        out.printf("Imported %d of %d bundle(s), %,d resources.%n", files.size() - rejected, files.size(), resources);
        out.println("  created:   " + created);
        out.println("  updated:   " + updated);
        out.println("  unchanged: " + unchanged);
        out.println("  not stored (types the record does not keep): " + notStored);
        out.flush();
        return rejected == 0 ? 0 : 1;
    }

    /** Sizes as Spring writes them: {@code 200MB}, {@code 1GB}. */
    static final class DataSizeConverter implements CommandLine.ITypeConverter<DataSize> {
        @Override
        public DataSize convert(String value) {
            return DataSize.parse(value);
        }
    }

    /** The files as given, and the .json / .json.gz files of the folders given, in name order. */
    static List<Path> bundles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(file -> Files.isRegularFile(file) && (file.toString().endsWith(".json") || file.toString().endsWith(".json.gz")))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
