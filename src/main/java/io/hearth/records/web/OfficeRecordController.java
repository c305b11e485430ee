package io.hearth.records.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.records.PatientIdentities;
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
 * kinds of record is decided by {@link RecordAccess#office}): finding a patient, their demographics, and for billing
 * their claims and explanations of benefit. Clinicians reach the same demographics through their care team.
 */
@Controller
class OfficeRecordController {

    /** One claim or explanation of benefit as the billing page lists it. */
    record ClaimLine(String kind, String date, String type, String status, String amount) {
    }

    private final RecordAccess access;
    private final PatientIdentities identities;
    private final AuditLog audit;
    private final ZoneId zone;

    OfficeRecordController(RecordAccess access, PatientIdentities identities, AuditLog audit, io.hearth.system.HearthProperties hearth) {
        this.access = access;
        this.identities = identities;
        this.audit = audit;
        this.zone = hearth.timeZone();
    }

    /** The patient finder of office staff (by name or date of birth), audited with how many it found. */
    String find(String q, Authentication authentication, Model model) {
        List<PatientIdentities.PatientMatch> found = q == null || q.isBlank() ? List.of() : identities.search(q, 50);
        if (!found.isEmpty() || (q != null && !q.isBlank())) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).object("patient-search", null)
                    .because("found " + found.size() + " patients"));
        }
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        return "records/find-patient";
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
        String amount = details.value() == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f %s", details.value(),
                details.unit() == null ? "" : details.unit()).strip();
        return new ClaimLine(record.kind() == RecordKind.CLAIM ? "claim" : "eob", record.effective() == null ? "—"
                : record.effective().atZone(zone).toLocalDate().toString(), details.title(), record.status(), amount);
    }
}
