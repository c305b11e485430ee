package io.hearth.patients.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.audit.PatientAccess;
import io.hearth.audit.PatientAccessLog;
import io.hearth.identity.Accounts;
import io.hearth.system.HearthProperties;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The patient's own view of who at the practice opened or changed their record. */
@Controller
class AccessLogController {

    static final int PAGE_SIZE = 50;

    private final PatientAccessLog log;
    private final Accounts accounts;
    private final AuditLog audit;
    private final HearthProperties properties;

    AccessLogController(PatientAccessLog log, Accounts accounts, AuditLog audit, HearthProperties properties) {
        this.log = log;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
    }

    record Line(String when, String who, String roles, AuditAction action, String what, String reason) {
    }

    @GetMapping("/my/access-log")
    String accessLog(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model, Locale locale) {
        int safePage = Math.max(0, Math.min(page, 10_000));
        UUID patient = accounts.patientOf(authentication.getName()).orElse(null);
        List<PatientAccess> entries = patient == null ? List.of() : log.page(patient, authentication.getName(), safePage, PAGE_SIZE + 1);
        DateTimeFormatter format = properties.dateTimeFormat(locale);
        model.addAttribute("lines", entries.stream().limit(PAGE_SIZE).map(entry -> new Line(format.format(entry.when()),
                accounts.displayNameOf(entry.actorId()).orElse(entry.actorId()), entry.roles(), entry.action(),
                entry.objectType(), entry.reason())).toList());
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("zone", properties.timeZone().getId());
        if (patient != null) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient(patient).object("access-log", patient));
        }
        return "patients/access-log";
    }
}
