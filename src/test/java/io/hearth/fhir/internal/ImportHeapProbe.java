package io.hearth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * How much heap one import needs: parses (and validates, if asked) and maps a Synthea bundle made {@code copies}
 * times larger, in a JVM started with a given {@code -Xmx}, without a database. The smallest heap that succeeds, over
 * the bundle's size, is the heap per bundle byte that {@link ImportBudget} assumes. Run it in JVMs of several heap sizes:
 * {@code java -Xmx384m -cp target/test-classes:target/classes:$(cat cp.txt) io.hearth.fhir.internal.ImportHeapProbe
 * ../shared/data/synthea/Tuan998*.json.gz 3 false}.
 */
public final class ImportHeapProbe {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ImportHeapProbe() {
    }

    /** args: bundle file (.json.gz), copies, validate (true/false). Prints "OK bytes" or dies with OutOfMemoryError. */
    public static void main(String[] args) throws IOException {
        byte[] json = replicated(Path.of(args[0]), Integer.parseInt(args[1]));
        boolean validate = Boolean.parseBoolean(args[2]);
        FhirContext fhir = FhirContext.forR4();
        var bundle = new BundleParser(fhir).parse(new ByteArrayInputStream(json), Long.MAX_VALUE);
        if (validate) {
            new BundleValidator(fhir).check(bundle);
        }
        var batch = BundleMapper.map(bundle, "probe");
        System.out.println("OK " + json.length + " bytes, " + batch.entries().size() + " records");
    }

    /** The bundle's entries {@code copies} times, each copy with its own UUIDs (so its own patient and resources). */
    public static byte[] replicated(Path file, int copies) throws IOException {
        return replicated(file, 0, copies);
    }

    /**
     * The same, numbering the copies from {@code firstCopy}: copy 0 is the bundle as it is, every other number gives
     * other UUIDs, so bundles made from different numbers share no resource.
     */
    public static byte[] replicated(Path file, int firstCopy, int copies) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = text.indexOf('[', text.indexOf("\"entry\"")) + 1;
        int end = text.lastIndexOf(']');
        String entries = text.substring(start, end);
        StringBuilder out = new StringBuilder(text.length() * copies).append(text, 0, start);
        for (int copy = firstCopy; copy < firstCopy + copies; copy++) {
            String prefix = copy + ":";
            Matcher uuid = UUID_TEXT.matcher(entries);
            out.append(copy == firstCopy ? "" : ",").append(copy == 0 ? entries
                    : uuid.replaceAll(found -> UUID.nameUUIDFromBytes((prefix + found.group()).getBytes(StandardCharsets.UTF_8)).toString()));
        }
        return out.append(text, end, text.length()).toString().getBytes(StandardCharsets.UTF_8);
    }
}
