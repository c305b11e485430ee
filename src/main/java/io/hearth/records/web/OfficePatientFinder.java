package io.hearth.records.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.records.PatientIdentities;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** How front desk and billing staff, who have no care team, look a patient up at {@code /staff/patients}. */
@Component
class OfficePatientFinder {

    private final PatientIdentities identities;
    private final AuditLog audit;

    OfficePatientFinder(PatientIdentities identities, AuditLog audit) {
        this.identities = identities;
        this.audit = audit;
    }

    /** The patient finder of office staff (by name or date of birth), audited with how many it found. */
    String find(String q, Model model) {
        boolean asked = q != null && !q.isBlank();
        List<PatientIdentities.PatientMatch> found = asked ? identities.search(q, 50) : List.of();
        if (asked) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).object("patient-search", null)
                    .because("found " + found.size() + " patients"));
        }
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        return "records/find-patient";
    }
}
