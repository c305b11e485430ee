package io.hearth.records.web;

import io.hearth.records.RecordKind;
import io.hearth.records.internal.Chart;
import io.hearth.records.internal.RecordAccess;
import io.hearth.records.internal.RecordQuery;
import io.hearth.records.internal.StoredRecord;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What front desk and billing staff read of a patient's record ({@code /staff/patients/**} in WebSecurity; which
 * kinds of record is decided by {@link RecordAccess#office}): their demographics, and for billing their claims and
 * explanations of benefit ({@link OfficePatientFinder} finds the patient). Clinicians reach the same demographics through their care team.
 */
@Controller
class OfficeRecordController {

    /** One claim or explanation of benefit as the billing page lists it. */
    record ClaimLine(String kind, String date, String type, String status, String amount) {
    }

    private final RecordAccess access;
    private final ZoneId zone;

    OfficeRecordController(RecordAccess access, io.hearth.system.HearthProperties hearth) {
        this.access = access;
        this.zone = hearth.timeZone();
    }

    @GetMapping(HealthRecordController.STAFF + "/{patient}/demographics")
    String demographics(@PathVariable UUID patient, Authentication authentication, Model model) {
        Chart chart = access.office(authentication, patient);
        StoredRecord person = chart.demographics().orElseThrow();
        model.addAttribute("patientId", patient);
        model.addAttribute("name", person.details().title());
        model.addAttribute("birthDate", person.details().extra().get("birthDate"));
        model.addAttribute("gender", person.details().extra().get("gender"));
        model.addAttribute("address", person.details().extra().get("address"));
        model.addAttribute("claims", chart.mayRead(RecordKind.CLAIM));
        model.addAttribute("clinical", chart.mayRead(RecordKind.OBSERVATION));
        chart.viewed("demographics", patient);
        return "records/demographics";
    }

    @GetMapping(HealthRecordController.STAFF + "/{patient}/claims")
    String claims(@PathVariable UUID patient, Authentication authentication, Model model) {
        Chart chart = access.office(authentication, patient);
        List<StoredRecord> found = new ArrayList<>(chart.list(RecordQuery.of(RecordKind.CLAIM)));
        found.addAll(chart.list(RecordQuery.of(RecordKind.EXPLANATION_OF_BENEFIT)));
        found.sort(Comparator.comparing(StoredRecord::effective, Comparator.nullsLast(Comparator.reverseOrder())));
        model.addAttribute("patientId", patient);
        model.addAttribute("name", chart.demographics().map(record -> record.details().title()).orElse(null));
        model.addAttribute("lines", found.stream().map(this::line).toList());
        chart.viewed("claims", patient);
        return "records/claims";
    }

    private ClaimLine line(StoredRecord record) {
        var details = record.details();
        String amount = Values.finite(details.value()) == null ? Values.NOT_A_NUMBER : String.format(java.util.Locale.ROOT, "%.2f %s", details.value(),
                details.unit() == null ? "" : details.unit()).strip();
        return new ClaimLine(record.kind() == RecordKind.CLAIM ? "claim" : "eob", record.effective() == null ? "—"
                : record.effective().atZone(zone).toLocalDate().toString(), details.title(), record.status(), amount);
    }
}
