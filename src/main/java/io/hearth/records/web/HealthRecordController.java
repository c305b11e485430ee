package io.hearth.records.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.Accounts;
import io.hearth.records.CareTeams;
import io.hearth.records.RecordKind;
import io.hearth.records.internal.RecordReader;
import io.hearth.records.internal.RecordReader.Query;
import io.hearth.records.internal.RecordsProperties;
import io.hearth.records.internal.StoredRecord;
import io.hearth.records.web.RecordViews.Line;
import io.hearth.records.web.RecordViews.ResultRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The patient's own health record (role PATIENT, {@code /my/**}): summary, lab results and trends, visits and notes.
 * Every page audits the view; an id that is not the signed-in patient's answers 404 and the attempt is audited.
 * Responses carry Spring Security's {@code Cache-Control: no-store}.
 */
@Controller
class HealthRecordController {

    static final int RESULTS_PER_PAGE = 50;
    static final String LABORATORY = "laboratory";

    private final RecordReader reader;
    private final RecordViews views;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final AuditLog audit;
    private final RecordsProperties settings;
    private final Clock clock;

    HealthRecordController(RecordReader reader, RecordViews views, Accounts accounts, CareTeams careTeams, AuditLog audit,
            RecordsProperties settings, Clock clock) {
        this.reader = reader;
        this.views = views;
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/my/record")
    String summary(Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        Instant now = clock.instant();
        model.addAttribute("name", patient == null ? null : reader.find(patient, RecordKind.PATIENT, patient)
                .map(record -> record.details().title()).orElse(null));
        model.addAttribute("problems", lines(patient, Query.of(RecordKind.CONDITION).status("active"), record -> record.details().title(),
                record -> null, locale, true));
        model.addAttribute("allergies", lines(patient, Query.of(RecordKind.ALLERGY).status("active"), record -> record.details().title(),
                record -> record.details().text(), locale, true));
        model.addAttribute("medications", lines(patient, Query.of(RecordKind.MEDICATION_REQUEST).status("active"),
                record -> record.details().title(), record -> record.details().text(), locale, true));
        model.addAttribute("immunizations", lines(patient, Query.of(RecordKind.IMMUNIZATION).page(10, 0), record -> record.details().title(),
                record -> null, locale, false));
        model.addAttribute("vitals", vitals(patient, locale));
        model.addAttribute("upcoming", patient == null ? List.of()
                : views.visits(patient, reader.list(patient, Query.of(RecordKind.ENCOUNTER).after(now).page(5, 0)), locale));
        model.addAttribute("past", patient == null ? List.of()
                : views.visits(patient, reader.list(patient, Query.of(RecordKind.ENCOUNTER).notAfter(now).page(5, 0)), locale));
        model.addAttribute("careTeam", patient == null ? List.of() : careTeams.careTeamOf(patient));
        viewed(patient, "health-summary", patient);
        return "records/summary";
    }

    @GetMapping("/my/results")
    String results(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        List<RecordReader.ResultInReport> rows = page(page, model, patient == null ? null
                : (size, skip) -> reader.resultsWithReports(patient, LABORATORY, releasedBefore(LABORATORY), size, skip));
        model.addAttribute("reports", views.reports(rows, locale));
        viewed(patient, "lab-results", "page " + model.getAttribute("page"));
        return "records/results";
    }

    @GetMapping("/my/results/{id}")
    String result(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        StoredRecord result = released(own(patient, RecordKind.OBSERVATION, id, "lab-result"));
        Instant released = releasedBefore(result.category());
        ResultRow row = views.result(result, locale);
        List<StoredRecord> history = result.codeKey() == null ? List.of(result) : reader.sameTest(patient, result.codeKey(), released);
        List<ResultRow> rows = history.stream().map(record -> views.result(record, locale)).toList();
        model.addAttribute("result", row);
        model.addAttribute("history", rows);
        model.addAttribute("report", result.parentId());
        List<StoredRecord> numeric = history.stream().filter(record -> record.details().value() != null && record.effective() != null).toList();
        if (!numeric.isEmpty()) {
            ResultRow latest = rows.get(history.indexOf(numeric.get(numeric.size() - 1)));
            var first = views.result(numeric.get(0), locale);
            var builtIn = ReferenceRanges.of(result.details().code(), result.details().unit());
            Double low = result.details().low() != null || result.details().high() != null ? result.details().low()
                    : builtIn.map(ReferenceRanges.Range::low).orElse(null);
            Double high = result.details().low() != null || result.details().high() != null ? result.details().high()
                    : builtIn.map(ReferenceRanges.Range::high).orElse(null);
            List<TrendChart.Point> points = new ArrayList<>();
            for (StoredRecord record : numeric) {
                ResultRow shown = rows.get(history.indexOf(record));
                points.add(new TrendChart.Point(record.effective(), record.details().value(), shown.flag() != ResultFlag.NONE));
            }
            model.addAttribute("chart", TrendChart.of(points, low, high, first.date(), latest.date(), result.details().unit()));
            double min = numeric.stream().mapToDouble(record -> record.details().value()).min().orElse(0);
            double max = numeric.stream().mapToDouble(record -> record.details().value()).max().orElse(0);
            String unit = result.details().unit() == null ? "" : " " + result.details().unit();
            model.addAttribute("summary", String.format(locale, "%d result%s from %s to %s. Latest: %s on %s%s. Lowest %s, highest %s.",
                    numeric.size(), numeric.size() == 1 ? "" : "s", first.date(), latest.date(), latest.value(), latest.date(),
                    switch (latest.flag()) {
                        case HIGH -> ", above the range";
                        case LOW -> ", below the range";
                        case ABNORMAL -> ", marked abnormal";
                        case NONE -> latest.range() == null ? "" : ", within the range";
                    }, Values.format(min) + unit, Values.format(max) + unit));
        }
        viewed(patient, "lab-result", id);
        return "records/result";
    }

    @GetMapping("/my/reports/{id}")
    String report(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        StoredRecord report = released(own(patient, RecordKind.DIAGNOSTIC_REPORT, id, "lab-report"));
        List<ResultRow> rows = reader.children(patient, RecordKind.OBSERVATION, "parent_id", List.of(id)).stream()
                .map(record -> views.result(record, locale)).toList();
        model.addAttribute("report", new RecordViews.ReportView(id, report.details().title(), views.date(report.effective(), locale),
                views.orderedBy(patient, report), rows));
        viewed(patient, "lab-report", id);
        return "records/report";
    }

    @GetMapping("/my/visits")
    String visits(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        List<StoredRecord> rows = page(page, model, patient == null ? null
                : (size, skip) -> reader.list(patient, Query.of(RecordKind.ENCOUNTER).page(size, skip)));
        model.addAttribute("visits", patient == null ? List.of() : views.visits(patient, rows, locale));
        viewed(patient, "visits", "page " + model.getAttribute("page"));
        return "records/visits";
    }

    @GetMapping("/my/visits/{id}")
    String visit(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        StoredRecord visit = own(patient, RecordKind.ENCOUNTER, id, "visit");
        model.addAttribute("visit", views.visits(patient, List.of(visit), locale).get(0));
        model.addAttribute("notes", reader.children(patient, RecordKind.DOCUMENT, "encounter_id", List.of(id)).stream()
                .map(note -> views.note(note, locale)).toList());
        viewed(patient, "visit", id);
        return "records/visit";
    }

    @GetMapping("/my/notes/{id}")
    String note(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        UUID patient = patientOf(authentication);
        StoredRecord note = own(patient, RecordKind.DOCUMENT, id, "visit-note");
        model.addAttribute("note", views.note(note, locale));
        model.addAttribute("visit", note.encounterId());
        viewed(patient, "visit-note", id);
        return "records/note";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private UUID patientOf(Authentication authentication) {
        return accounts.patientOf(authentication.getName()).orElse(null);
    }

    /** The signed-in patient's record, or 404 with the attempt audited (another patient's id, or no such id). */
    private StoredRecord own(UUID patient, RecordKind kind, UUID id, String objectType) {
        return (patient == null ? java.util.Optional.<StoredRecord>empty() : reader.find(patient, kind, id)).orElseThrow(() -> {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(patient).object(objectType, id)
                    .because("not in the signed-in patient's record"));
            return new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
    }

    private void viewed(UUID patient, String objectType, Object objectId) {
        if (patient != null) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient(patient).object(objectType, objectId));
        }
    }

    /** The patient's own result, once released to them; before that it is not there for them (404, not a denial). */
    private StoredRecord released(StoredRecord result) {
        if (result.effective() == null || result.effective().isAfter(releasedBefore(result.category()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return result;
    }

    /** One page of rows (page number clamped), with the pager's model attributes; no rows without a patient record. */
    private static <T> List<T> page(int page, Model model, java.util.function.BiFunction<Integer, Integer, List<T>> fetch) {
        int safePage = Math.max(0, Math.min(page, 10_000));
        List<T> rows = fetch == null ? List.of() : fetch.apply(RESULTS_PER_PAGE + 1, safePage * RESULTS_PER_PAGE);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", rows.size() > RESULTS_PER_PAGE);
        return rows.stream().limit(RESULTS_PER_PAGE).toList();
    }

    private Instant releasedBefore(String category) {
        return clock.instant().minus(settings.holdFor(category));
    }

    private List<Line> lines(UUID patient, Query query, java.util.function.Function<StoredRecord, String> title,
            java.util.function.Function<StoredRecord, String> detail, Locale locale, boolean distinct) {
        if (patient == null) {
            return List.of();
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        for (StoredRecord record : reader.list(patient, query)) {
            String key = distinct ? Objects.toString(title.apply(record)) : record.id().toString();
            lines.putIfAbsent(key, new Line(title.apply(record), detail.apply(record), views.date(record.effective(), locale)));
        }
        return List.copyOf(lines.values());
    }

    /** The vital signs of the latest visit that recorded any, one line per measurement. */
    private List<Line> vitals(UUID patient, Locale locale) {
        if (patient == null) {
            return List.of();
        }
        List<StoredRecord> recent = reader.list(patient, Query.of(RecordKind.OBSERVATION).category("vital-signs").notAfter(clock.instant()).page(40, 0));
        if (recent.isEmpty()) {
            return List.of();
        }
        Instant latest = recent.get(0).effective();
        Map<String, Line> lines = new LinkedHashMap<>();
        recent.stream().filter(record -> Objects.equals(record.effective(), latest)).forEach(record -> lines.putIfAbsent(
                Objects.toString(record.details().title()), new Line(record.details().title(), RecordViews.value(record.details()),
                        views.date(record.effective(), locale))));
        return List.copyOf(lines.values());
    }
}
