package io.hearth.records.web;

import io.hearth.records.RecordDetails;
import io.hearth.records.RecordKind;
import io.hearth.records.internal.RecordReader;
import io.hearth.records.internal.StoredRecord;
import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Stored records to what the patient's pages show: dates in the practice's zone, names from the directory, ranges, flags. */
@Component
class RecordViews {

    record ResultRow(UUID id, String title, String date, String value, String range, String rangeSource, ResultFlag flag) {
    }

    record ReportView(UUID id, String title, String date, String orderedBy, List<ResultRow> results) {
    }

    record VisitView(UUID id, String title, String date, String reason, String provider, String location, UUID noteId) {
    }

    record NoteView(UUID id, String title, String date, String author, String text) {
    }

    record Line(String title, String detail, String date) {
    }

    private final RecordReader reader;
    private final HearthProperties properties;

    RecordViews(RecordReader reader, HearthProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    String date(Instant when, Locale locale) {
        return when == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(properties.timeZone()).format(when);
    }

    ResultRow result(StoredRecord record, Locale locale) {
        RecordDetails details = record.details();
        Double low = details.low();
        Double high = details.high();
        String source = "from the laboratory";
        if (low == null && high == null) {
            var builtIn = ReferenceRanges.of(details.code(), details.unit());
            low = builtIn.map(ReferenceRanges.Range::low).orElse(null);
            high = builtIn.map(ReferenceRanges.Range::high).orElse(null);
            source = builtIn.isPresent() ? ReferenceRanges.SOURCE : null;
        }
        String range = range(low, high, details.unit(), details.range());
        return new ResultRow(record.id(), details.title(), date(record.effective(), locale), value(details), range,
                range == null ? null : source, ResultFlag.of(details.interpretation(), details.value(), low, high));
    }

    static String value(RecordDetails details) {
        if (!details.components().isEmpty() && details.value() == null) {
            return String.join(" · ", details.components().stream().map(part -> part.title() + " " + (part.value() == null
                    ? Objects.toString(part.text(), "") : Values.format(part.value()) + (part.unit() == null ? "" : " " + part.unit()))).toList());
        }
        if (details.value() != null) {
            return Values.format(details.value()) + (details.unit() == null ? "" : " " + details.unit());
        }
        return Objects.toString(details.text(), "");
    }

    static String range(Double low, Double high, String unit, String text) {
        String suffix = unit == null ? "" : " " + unit;
        if (low != null && high != null) {
            return Values.format(low) + "–" + Values.format(high) + suffix;
        }
        if (high != null) {
            return "below " + Values.format(high) + suffix;
        }
        if (low != null) {
            return Values.format(low) + suffix + " or more";
        }
        return text;
    }

    /** Reports with their results, in the order of the results given (newest first); results without a report last. */
    List<ReportView> reports(List<RecordReader.ResultInReport> results, Locale locale) {
        Map<String, String> names = reader.directoryNames(results.stream()
                .flatMap(row -> Stream.of(row.report(), row.visit())).filter(Objects::nonNull)
                .map(record -> record.details().performer()).filter(Objects::nonNull).toList());
        Map<UUID, ReportView> reports = new LinkedHashMap<>();
        List<ResultRow> unreported = new ArrayList<>();
        for (RecordReader.ResultInReport row : results) {
            StoredRecord report = row.report();
            if (report == null) {
                unreported.add(result(row.result(), locale));
                continue;
            }
            reports.computeIfAbsent(report.id(), id -> new ReportView(id, report.details().title(), date(report.effective(), locale),
                    orderedBy(report, row.visit(), names), new ArrayList<>())).results().add(result(row.result(), locale));
        }
        List<ReportView> views = new ArrayList<>(reports.values());
        if (!unreported.isEmpty()) {
            views.add(new ReportView(null, null, "", null, unreported));
        }
        return views;
    }

    /** Who ordered a report: the practitioner of its visit, else the report's performer. */
    String orderedBy(UUID patient, StoredRecord report) {
        StoredRecord visit = report.encounterId() == null ? null
                : reader.byIds(patient, RecordKind.ENCOUNTER, List.of(report.encounterId())).get(report.encounterId());
        return orderedBy(report, visit, reader.directoryNames(Stream.of(report, visit).filter(Objects::nonNull)
                .map(record -> record.details().performer()).filter(Objects::nonNull).toList()));
    }

    private static String orderedBy(StoredRecord report, StoredRecord visit, Map<String, String> names) {
        String name = visit == null ? null : person(visit.details(), names);
        return name != null ? name : person(report.details(), names);
    }

    List<VisitView> visits(UUID patient, List<StoredRecord> encounters, Locale locale) {
        Map<String, String> names = reader.directoryNames(encounters.stream()
                .flatMap(visit -> Stream.of(visit.details().performer(), visit.details().location())).filter(Objects::nonNull).toList());
        Map<UUID, UUID> notes = new LinkedHashMap<>();
        reader.children(patient, RecordKind.DOCUMENT, "encounter_id", encounters.stream().map(StoredRecord::id).toList())
                .forEach(note -> notes.putIfAbsent(note.encounterId(), note.id()));
        return encounters.stream().map(visit -> new VisitView(visit.id(), visit.details().title(), date(visit.effective(), locale),
                visit.details().reason(), person(visit.details(), names), place(visit.details(), names), notes.get(visit.id()))).toList();
    }

    NoteView note(StoredRecord note, Locale locale) {
        Map<String, String> names = reader.directoryNames(note.details().performer() == null ? List.of() : List.of(note.details().performer()));
        return new NoteView(note.id(), note.details().title(), date(note.effective(), locale), person(note.details(), names), note.details().text());
    }

    static String person(RecordDetails details, Map<String, String> names) {
        String name = details.performer() == null ? null : names.get(details.performer());
        return name != null ? name : details.performerName();
    }

    static String place(RecordDetails details, Map<String, String> names) {
        String name = details.location() == null ? null : names.get(details.location());
        return name != null ? name : details.locationName();
    }
}
