package io.hearth.records.web;

import io.hearth.records.CareTeams;
import io.hearth.records.RecordKind;
import io.hearth.records.ReferenceRanges;
import io.hearth.records.internal.Chart;
import io.hearth.records.internal.RecordAccess;
import io.hearth.records.internal.RecordQuery;
import io.hearth.records.internal.ResultInReport;
import io.hearth.records.internal.StoredRecord;
import io.hearth.records.web.RecordViews.Line;
import io.hearth.records.web.RecordViews.ResultRow;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The health record pages: summary, lab results and trends, visits and notes. The same pages serve the patient
 * ({@code /my/**}, their own record) and clinical staff ({@code /staff/patients/{patient}/**}, a patient of their care
 * team; the list of those patients at {@code /staff/patients}). Who may read what is decided by {@link RecordAccess}
 * where the records are read: an id outside the chart, or a patient outside the clinician's care team, answers 404 and
 * the attempt is audited; every page audits the view with the patient as subject. Responses carry Spring Security's
 * {@code Cache-Control: no-store}.
 */
@Controller
class HealthRecordController {

    static final int RESULTS_PER_PAGE = 50;
    static final String LABORATORY = "laboratory";
    static final String STAFF = "/staff/patients";

    private final RecordAccess access;
    private final RecordViews views;
    private final CareTeams careTeams;
    private final Clock clock;
    private final OfficePatientFinder officeFinder;

    HealthRecordController(RecordAccess access, RecordViews views, CareTeams careTeams, Clock clock, OfficePatientFinder officeFinder) {
        this.officeFinder = officeFinder;
        this.access = access;
        this.views = views;
        this.careTeams = careTeams;
        this.clock = clock;
    }

    @GetMapping(STAFF)
    String patients(@org.springframework.web.bind.annotation.RequestParam(required = false) String q, Authentication authentication, Model model) {
        if (RecordAccess.officeStaff(authentication)) {
            return officeFinder.find(q, model); // front desk and billing look patients up; they have no care team
        }
        model.addAttribute("patients", access.careTeamPatients(authentication));
        return "records/patients";
    }

    @GetMapping({ "/my/record", STAFF + "/{patient}/record" })
    String summary(@PathVariable(required = false) UUID patient, Authentication authentication, HttpServletRequest request, Model model,
            Locale locale) {
        Chart chart = open(patient, authentication, model);
        RecordViews.Scope view = views.of(chart, links(patient, request), locale);
        Instant now = clock.instant();
        model.addAttribute("name", chart.openedByStaff() ? model.getAttribute("name") : name(chart));
        model.addAttribute("problems", lines(chart, view, RecordQuery.of(RecordKind.CONDITION).status("active"), record -> null, true));
        model.addAttribute("allergies", lines(chart, view, RecordQuery.of(RecordKind.ALLERGY).status("active"),
                record -> record.details().text(), true));
        model.addAttribute("medications", lines(chart, view, RecordQuery.of(RecordKind.MEDICATION_REQUEST).status("active"),
                record -> record.details().text(), true));
        model.addAttribute("immunizations", lines(chart, view, RecordQuery.of(RecordKind.IMMUNIZATION).page(10, 0), record -> null, false));
        model.addAttribute("vitals", vitals(chart, view));
        model.addAttribute("upcoming", view.visits(chart.list(RecordQuery.of(RecordKind.ENCOUNTER).after(now).page(5, 0))));
        model.addAttribute("past", view.visits(chart.list(RecordQuery.of(RecordKind.ENCOUNTER).notAfter(now).page(5, 0))));
        model.addAttribute("careTeam", chart.isEmpty() ? List.of() : careTeams.careTeamOf(chart.patientId()));
        chart.viewed("health-summary", chart.patientId());
        return "records/summary";
    }

    @GetMapping({ "/my/results", STAFF + "/{patient}/results" })
    String results(@PathVariable(required = false) UUID patient, @RequestParam(defaultValue = "0") int page, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        List<ResultInReport> rows = page(page, model, (size, skip) -> chart.releasedResults(LABORATORY, size, skip));
        model.addAttribute("reports", views.of(chart, links(patient, request), locale).reports(rows));
        chart.viewed("lab-results", "page " + model.getAttribute("page"));
        return "records/results";
    }

    @GetMapping({ "/my/results/{id}", STAFF + "/{patient}/results/{id}" })
    String result(@PathVariable(required = false) UUID patient, @PathVariable UUID id, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        RecordViews.Scope view = views.of(chart, links(patient, request), locale);
        StoredRecord result = chart.requireReleased(RecordKind.OBSERVATION, id, "lab-result");
        List<StoredRecord> history = result.codeKey() == null ? List.of(result)
                : chart.sameTest(result.codeKey(), chart.releasedBefore(result.category()));
        List<ResultRow> rows = history.stream().map(view::result).toList();
        model.addAttribute("result", view.result(result));
        model.addAttribute("history", rows);
        model.addAttribute("reportHref", view.href("/reports/", result.parentId()));
        trend(result, history, rows, view, model);
        chart.viewed("lab-result", id);
        return "records/result";
    }

    @GetMapping({ "/my/reports/{id}", STAFF + "/{patient}/reports/{id}" })
    String report(@PathVariable(required = false) UUID patient, @PathVariable UUID id, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        StoredRecord report = chart.requireReleased(RecordKind.DIAGNOSTIC_REPORT, id, "lab-report");
        model.addAttribute("report", views.of(chart, links(patient, request), locale).report(report));
        chart.viewed("lab-report", id);
        return "records/report";
    }

    @GetMapping({ "/my/visits", STAFF + "/{patient}/visits" })
    String visits(@PathVariable(required = false) UUID patient, @RequestParam(defaultValue = "0") int page, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        List<StoredRecord> rows = page(page, model, (size, skip) -> chart.list(RecordQuery.of(RecordKind.ENCOUNTER).page(size, skip)));
        model.addAttribute("visits", views.of(chart, links(patient, request), locale).visits(rows));
        chart.viewed("visits", "page " + model.getAttribute("page"));
        return "records/visits";
    }

    @GetMapping({ "/my/visits/{id}", STAFF + "/{patient}/visits/{id}" })
    String visit(@PathVariable(required = false) UUID patient, @PathVariable UUID id, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        RecordViews.Scope view = views.of(chart, links(patient, request), locale);
        StoredRecord visit = chart.require(RecordKind.ENCOUNTER, id, "visit");
        model.addAttribute("visit", view.visits(List.of(visit)).get(0));
        model.addAttribute("notes", chart.children(RecordKind.DOCUMENT, "encounter_id", List.of(id)).stream().map(view::note).toList());
        chart.viewed("visit", id);
        return "records/visit";
    }

    @GetMapping({ "/my/notes/{id}", STAFF + "/{patient}/notes/{id}" })
    String note(@PathVariable(required = false) UUID patient, @PathVariable UUID id, Authentication authentication,
            HttpServletRequest request, Model model, Locale locale) {
        Chart chart = open(patient, authentication, model);
        RecordViews.Scope view = views.of(chart, links(patient, request), locale);
        StoredRecord note = chart.require(RecordKind.DOCUMENT, id, "visit-note");
        model.addAttribute("note", view.note(note));
        model.addAttribute("visitHref", view.href("/visits/", note.encounterId()));
        chart.viewed("visit-note", id);
        return "records/note";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * The chart the page reads: the signed-in patient's own ({@code /my}), or the patient's of the path when clinical
     * staff of their care team ask (else 404, audited). Tells the templates where their links go and, for staff,
     * whose record this is.
     */
    private Chart open(UUID patient, Authentication authentication, Model model) {
        Chart chart = patient == null ? access.own(authentication) : access.ofPatient(authentication, patient);
        model.addAttribute("base", base(patient));
        model.addAttribute("staffView", chart.openedByStaff());
        if (chart.openedByStaff()) {
            model.addAttribute("name", name(chart));
        }
        return chart;
    }

    private static String name(Chart chart) {
        return chart.demographics().map(record -> record.details().title()).orElse(null);
    }

    /** Where the record's pages are: {@code /my}, or the staff path of this patient's record. */
    private static String base(UUID patient) {
        return patient == null ? "/my" : STAFF + "/" + patient;
    }

    /** The same with the context path, for links computed beforehand (the templates print them as they are). */
    private static String links(UUID patient, HttpServletRequest request) {
        return request.getContextPath() + base(patient);
    }

    /** The trend chart of a result's test, with its text summary, when there are numeric results to draw. */
    private static void trend(StoredRecord result, List<StoredRecord> history, List<ResultRow> rows, RecordViews.Scope view, Model model) {
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (Values.finite(history.get(i).details().value()) != null && history.get(i).effective() != null) {
                numeric.add(i);
            }
        }
        if (numeric.isEmpty()) {
            return;
        }
        ResultRow first = rows.get(numeric.get(0));
        ResultRow latest = rows.get(numeric.get(numeric.size() - 1));
        var builtIn = ReferenceRanges.of(result.details().code(), result.details().unit());
        Double sourceLow = Values.finite(result.details().low());
        Double sourceHigh = Values.finite(result.details().high());
        boolean fromSource = sourceLow != null || sourceHigh != null;
        Double low = fromSource ? sourceLow : builtIn.map(ReferenceRanges.Range::low).orElse(null);
        Double high = fromSource ? sourceHigh : builtIn.map(ReferenceRanges.Range::high).orElse(null);
        List<TrendChart.Point> points = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i : numeric) {
            StoredRecord record = history.get(i);
            points.add(new TrendChart.Point(record.effective(), record.details().value(), rows.get(i).flagged()));
            min = Math.min(min, record.details().value());
            max = Math.max(max, record.details().value());
        }
        TrendChart chart = TrendChart.of(points, low, high, first.date(), latest.date(), result.details().unit());
        if (chart == null) {
            return;
        }
        model.addAttribute("chart", chart);
        String unit = result.details().unit() == null ? "" : " " + result.details().unit();
        model.addAttribute("summary", String.format(view.locale(), "%d result%s from %s to %s. Latest: %s on %s%s. Lowest %s, highest %s.",
                numeric.size(), numeric.size() == 1 ? "" : "s", first.date(), latest.date(), latest.value(), latest.date(),
                switch (latest.flag()) {
                    case HIGH -> ", above the range";
                    case LOW -> ", below the range";
                    case ABNORMAL -> ", marked abnormal";
                    case NONE -> latest.range() == null ? "" : ", within the range";
                }, Values.format(min) + unit, Values.format(max) + unit));
    }

    /** One page of rows (page number clamped), with the pager's model attributes. */
    private static <T> List<T> page(int page, Model model, BiFunction<Integer, Integer, List<T>> fetch) {
        int safePage = Math.max(0, Math.min(page, 10_000));
        List<T> rows = fetch.apply(RESULTS_PER_PAGE + 1, safePage * RESULTS_PER_PAGE);
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", rows.size() > RESULTS_PER_PAGE);
        return rows.stream().limit(RESULTS_PER_PAGE).toList();
    }

    /** One line per record (per distinct title when {@code distinct}), newest first. */
    private static List<Line> lines(Chart chart, RecordViews.Scope view, RecordQuery query, Function<StoredRecord, String> detail,
            boolean distinct) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (StoredRecord record : chart.list(query)) {
            String key = distinct ? Objects.toString(record.details().title()) : record.id().toString();
            lines.putIfAbsent(key, new Line(record.details().title(), detail.apply(record), view.date(record.effective())));
        }
        return List.copyOf(lines.values());
    }

    /** The vital signs of the latest visit that recorded any, one line per measurement. */
    private List<Line> vitals(Chart chart, RecordViews.Scope view) {
        List<StoredRecord> recent = chart.list(RecordQuery.of(RecordKind.OBSERVATION).category("vital-signs").notAfter(clock.instant()).page(40, 0));
        if (recent.isEmpty()) {
            return List.of();
        }
        Instant latest = recent.get(0).effective();
        Map<String, Line> lines = new LinkedHashMap<>();
        recent.stream().filter(record -> Objects.equals(record.effective(), latest)).forEach(record -> lines.putIfAbsent(
                Objects.toString(record.details().title()), new Line(record.details().title(), view.value(record.details()),
                        view.date(record.effective()))));
        return List.copyOf(lines.values());
    }
}
