package io.hearth.records;

import java.util.List;
import java.util.Map;

/**
 * What the portal shows of one record, kept encrypted as a whole (the importer maps each source resource to it).
 * Every field is optional; which ones a kind uses is written beside the importer's mapping.
 *
 * @param title what it is (the code's display text: a test, problem, vaccine, medicine, visit type...)
 * @param code the primary code as {@code system|code} (e.g. {@code http://loinc.org|4548-4})
 * @param text free text: a value that is not a number, dosage instructions, a note's content
 * @param value a numeric value
 * @param unit the value's unit
 * @param low reference range low end from the source
 * @param high reference range high end from the source
 * @param range the source's reference range as text, when it is not numeric
 * @param interpretation the source's flag code (H, L, A, N, HH, LL...)
 * @param reason why (a visit's or request's reason)
 * @param performer a directory reference ({@code Practitioner?identifier=...}) of who did or ordered it
 * @param performerName the source's display of that person, used when the directory has no entry
 * @param location a directory reference of where
 * @param locationName the source's display of that place
 * @param components parts of a compound result (blood pressure: systolic and diastolic)
 * @param extra anything else a kind needs, by name (a patient's name, birth date, gender...)
 */
public record RecordDetails(String title, String code, String text, Double value, String unit, Double low, Double high,
        String range, String interpretation, String reason, String performer, String performerName, String location,
        String locationName, List<Component> components, Map<String, String> extra) {

    public RecordDetails {
        components = components == null ? List.of() : List.copyOf(components);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** One part of a compound result. */
    public record Component(String title, String code, Double value, String unit, String text, String interpretation) {
    }

    @Override
    public String toString() {
        return "RecordDetails[encrypted content]";
    }
}
