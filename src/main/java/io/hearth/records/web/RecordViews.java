package io.hearth.records.web;

import io.hearth.records.RecordDetails;
import io.hearth.records.RecordKind;
import io.hearth.records.ReferenceRanges;
import io.hearth.records.ResultFlag;
import io.hearth.records.internal.Chart;
import io.hearth.records.internal.ResultInReport;
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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Stored records to what the record pages show: dates in the practice's zone, names from the directory, ranges, flags,
 * and the links, all computed here once so the templates only print (the lab-results page shows 50 rows).
 */
@Component
class RecordViews {

    // The views are public records (the class stays package-private) so that Thymeleaf's compiled SpEL can call their
    // accessors directly: SpEL compiles only calls to public types, and interprets everything else by reflection.

    /**
     * One result, every text the table prints computed here (the results page prints 50 rows).
     *
     * @param rangeNote where the range comes from, in parentheses; null when there is no range
     * @param flagClass the flag's style ({@code flag flag--high}); null when the result is within its range or has none
     * @param flagLabel the flag as people read it (High, Low, Abnormal); null when not flagged
     */
    public record ResultRow(UUID id, String href, String title, String date, String value, String range, String rangeNote, ResultFlag flag,
            String flagClass, String flagLabel) {

        public boolean flagged() {
            return flagClass != null;
        }

        /** The table row's style: flagged rows stand out. */
        public String rowClass() {
            return flagClass == null ? null : "row--flagged";
        }
    }

    public record ReportView(UUID id, String href, String title, String date, String orderedBy, List<ResultRow> results) {
    }

    public record VisitView(UUID id, String href, String title, String date, String reason, String provider, String location,
            String noteHref) {
    }

    public record NoteView(UUID id, String title, String date, String author, String text) {
    }

    public record Line(String title, String detail, String date) {
    }

    private final HearthProperties properties;
    private final MessageSource messages;

    RecordViews(HearthProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * The views of one page: one chart, its links under {@code base} (the context path and {@code /my}, or a staff
     * path), one locale.
     */
    Scope of(Chart chart, String base, Locale locale) {
        Map<ResultFlag, String> flags = new java.util.EnumMap<>(ResultFlag.class);
        for (ResultFlag flag : ResultFlag.values()) {
            flags.put(flag, flag == ResultFlag.NONE ? null : messages.getMessage("record.flag." + flag.name(), null, locale));
        }
        return new Scope(chart, base, locale,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(properties.timeZone()), flags,
                messages.getMessage("record.value.unavailable", null, locale));
    }

    static final class Scope {

        private final Chart chart;
        private final String base;
        private final Locale locale;
        private final DateTimeFormatter dates;
        private final Map<ResultFlag, String> flagLabels;
        private final String unavailable;

        private Scope(Chart chart, String base, Locale locale, DateTimeFormatter dates, Map<ResultFlag, String> flagLabels,
                String unavailable) {
            this.chart = chart;
            this.base = base;
            this.locale = locale;
            this.dates = dates;
            this.flagLabels = flagLabels;
            this.unavailable = unavailable;
        }

        Locale locale() {
            return locale;
        }

        String date(Instant when) {
            return when == null ? "" : dates.format(when);
        }

        String href(String path, UUID id) {
            return id == null ? null : base + path + id;
        }

        ResultRow result(StoredRecord record) {
            RecordDetails details = record.details();
            Double low = Values.finite(details.low());
            Double high = Values.finite(details.high());
            String source = "from the laboratory";
            if (low == null && high == null) {
                var builtIn = ReferenceRanges.of(details.code(), details.unit());
                low = builtIn.map(ReferenceRanges.Range::low).orElse(null);
                high = builtIn.map(ReferenceRanges.Range::high).orElse(null);
                source = builtIn.isPresent() ? ReferenceRanges.SOURCE : null;
            }
            String range = range(low, high, details.unit(), details.range());
            ResultFlag flag = ResultFlag.of(details.interpretation(), Values.finite(details.value()), low, high);
            return new ResultRow(record.id(), href("/results/", record.id()), details.title(), date(record.effective()), value(details),
                    range, range == null || source == null ? null : "(" + source + ")", flag,
                    flag == ResultFlag.NONE ? null : "flag flag--" + flag.name().toLowerCase(Locale.ROOT), flagLabels.get(flag));
        }

        /** Reports with their results, in the order of the results given (newest first); results without a report last. */
        List<ReportView> reports(List<ResultInReport> results) {
            Map<String, String> names = chart.directoryNames(results.stream()
                    .flatMap(row -> Stream.of(row.report(), row.visit())).filter(Objects::nonNull)
                    .map(record -> record.details().performer()).filter(Objects::nonNull).toList());
            Map<UUID, ReportView> reports = new LinkedHashMap<>();
            List<ResultRow> unreported = new ArrayList<>();
            for (ResultInReport row : results) {
                StoredRecord report = row.report();
                if (report == null) {
                    unreported.add(result(row.result()));
                    continue;
                }
                reports.computeIfAbsent(report.id(), id -> new ReportView(id, href("/reports/", id), report.details().title(),
                        date(report.effective()), orderedBy(report, row.visit(), names), new ArrayList<>())).results().add(result(row.result()));
            }
            List<ReportView> views = new ArrayList<>(reports.values());
            if (!unreported.isEmpty()) {
                views.add(new ReportView(null, null, null, "", null, unreported));
            }
            return views;
        }

        /** One report with all its results. */
        ReportView report(StoredRecord report) {
            StoredRecord visit = report.encounterId() == null ? null
                    : chart.byIds(RecordKind.ENCOUNTER, List.of(report.encounterId())).get(report.encounterId());
            Map<String, String> names = chart.directoryNames(Stream.of(report, visit).filter(Objects::nonNull)
                    .map(record -> record.details().performer()).filter(Objects::nonNull).toList());
            List<ResultRow> rows = chart.children(RecordKind.OBSERVATION, "parent_id", List.of(report.id())).stream().map(this::result).toList();
            return new ReportView(report.id(), href("/reports/", report.id()), report.details().title(), date(report.effective()),
                    orderedBy(report, visit, names), rows);
        }

        List<VisitView> visits(List<StoredRecord> encounters) {
            Map<String, String> names = chart.directoryNames(encounters.stream()
                    .flatMap(visit -> Stream.of(visit.details().performer(), visit.details().location())).filter(Objects::nonNull).toList());
            Map<UUID, UUID> notes = new LinkedHashMap<>();
            chart.children(RecordKind.DOCUMENT, "encounter_id", encounters.stream().map(StoredRecord::id).toList())
                    .forEach(note -> notes.putIfAbsent(note.encounterId(), note.id()));
            return encounters.stream().map(visit -> new VisitView(visit.id(), href("/visits/", visit.id()), visit.details().title(),
                    date(visit.effective()), visit.details().reason(), person(visit.details(), names), place(visit.details(), names),
                    href("/notes/", notes.get(visit.id())))).toList();
        }

        NoteView note(StoredRecord note) {
            Map<String, String> names = chart.directoryNames(note.details().performer() == null ? List.of() : List.of(note.details().performer()));
            return new NoteView(note.id(), note.details().title(), date(note.effective()), person(note.details(), names), note.details().text());
        }

        /** A result's value with its unit, or its parts' (blood pressure), or its text; "unavailable" for a value that is not a number. */
        String value(RecordDetails details) {
            if (!details.components().isEmpty() && details.value() == null) {
                return String.join(" · ", details.components().stream().map(part -> part.title() + " " + (part.value() == null
                        ? Objects.toString(part.text(), "") : measured(part.value(), part.unit()))).toList());
            }
            if (details.value() != null) {
                return measured(details.value(), details.unit());
            }
            return Objects.toString(details.text(), "");
        }

        private String measured(double value, String unit) {
            return !Double.isFinite(value) ? unavailable : Values.format(value) + (unit == null ? "" : " " + unit);
        }
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

    /** Who ordered a report: the practitioner of its visit, else the report's performer. */
    private static String orderedBy(StoredRecord report, StoredRecord visit, Map<String, String> names) {
        String name = visit == null ? null : person(visit.details(), names);
        return name != null ? name : person(report.details(), names);
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
