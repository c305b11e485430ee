package io.hearth.records;

import java.util.Map;
import java.util.Optional;

/**
 * Typical adult reference intervals of common LOINC-coded tests, shown when the laboratory sent none (Synthea never
 * does). They are general guidance only: each laboratory has its own, so the page names the source with the range,
 * and a range is used only when the result's unit is the one the range is in. A clinical rule of the record, not of
 * its pages: the FHIR API and other views use the same ranges.
 */
public final class ReferenceRanges {

    public static final String SOURCE = "typical adult range (MedlinePlus, U.S. National Library of Medicine); your laboratory's may differ";

    /** @param low lowest normal value, or null; @param high highest normal value, or null */
    public record Range(Double low, Double high, String unit) {
    }

    private static final Map<String, Range> BY_LOINC = Map.ofEntries(
            range("2339-0", 70, 99, "mg/dL"), range("2345-7", 70, 99, "mg/dL"),
            range("6299-2", 6, 20, "mg/dL"), range("3094-0", 6, 20, "mg/dL"),
            range("38483-4", 0.6, 1.3, "mg/dL"), range("2160-0", 0.6, 1.3, "mg/dL"),
            range("49765-1", 8.5, 10.2, "mg/dL"), range("17861-6", 8.5, 10.2, "mg/dL"),
            range("2947-0", 135, 145, "mmol/L"), range("2951-2", 135, 145, "mmol/L"),
            range("6298-4", 3.7, 5.2, "mmol/L"), range("2823-3", 3.7, 5.2, "mmol/L"),
            range("2069-3", 96, 106, "mmol/L"), range("2075-0", 96, 106, "mmol/L"),
            range("20565-8", 23, 29, "mmol/L"), range("2028-9", 23, 29, "mmol/L"),
            range("2093-3", null, 200.0, "mg/dL"), range("2571-8", null, 150.0, "mg/dL"),
            range("18262-6", null, 100.0, "mg/dL"), range("2085-9", 40.0, null, "mg/dL"),
            range("4548-4", null, 5.7, "%"), range("33914-3", 60.0, null, "mL/min/{1.73_m2}"),
            range("14959-1", null, 30.0, "mg/g"),
            range("6690-2", 4.5, 11.0, "10*3/uL"), range("789-8", 4.2, 5.9, "10*6/uL"),
            range("718-7", 12.0, 17.5, "g/dL"), range("4544-3", 36, 50, "%"),
            range("787-2", 80, 100, "fL"), range("785-6", 27, 31, "pg"), range("786-4", 32, 36, "g/dL"),
            range("777-3", 150, 450, "10*3/uL"),
            range("2885-2", 6.0, 8.3, "g/dL"), range("1751-7", 3.4, 5.4, "g/dL"), range("1975-2", 0.1, 1.2, "mg/dL"),
            range("6768-6", 44, 147, "U/L"), range("1742-6", 4, 36, "U/L"), range("1920-8", 8, 33, "U/L"),
            range("19123-9", 1.7, 2.2, "mg/dL"), range("2777-1", 2.8, 4.5, "mg/dL"),
            range("6301-6", 0.8, 1.1, "{INR}"), range("5902-2", 11.0, 13.5, "s"),
            range("5803-2", 4.5, 8.0, "pH"), range("5811-5", 1.005, 1.030, "{nominal}"));

    private ReferenceRanges() {
    }

    private static Map.Entry<String, Range> range(String loinc, Number low, Number high, String unit) {
        return Map.entry("http://loinc.org|" + loinc, new Range(low == null ? null : low.doubleValue(), high == null ? null : high.doubleValue(), unit));
    }

    /** The built-in range for this code ({@code system|code}) in this unit, if there is one. */
    public static Optional<Range> of(String code, String unit) {
        Range range = code == null ? null : BY_LOINC.get(code);
        return range != null && range.unit().equals(unit) ? Optional.of(range) : Optional.empty();
    }
}
