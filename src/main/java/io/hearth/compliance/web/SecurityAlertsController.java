package io.hearth.compliance.web;

import io.hearth.audit.Actor;
import io.hearth.compliance.AlertRefusedException;
import io.hearth.compliance.ComplianceProperties;
import io.hearth.compliance.EmergencyAccess;
import io.hearth.compliance.SecurityAlerts;
import io.hearth.compliance.SecurityAlerts.Alert;
import io.hearth.compliance.SecurityAlerts.Rule;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The security officer's alerts ({@code /security/**} is SECURITY_OFFICER only, see WebSecurity): open ones with a
 * verdict and a required note each, the recently closed ones, and the emergency accesses still waiting for review.
 */
@Controller
class SecurityAlertsController {

    static final String PATH = "/security/alerts";

    /** One alert as the page shows it; {@code auditLink} opens the entries it counted, where the search can find them. */
    record Line(UUID id, String rule, String who, long count, long minutes, String raised, String first, String last, String status,
            String note, String closedBy, String auditLink) {
    }

    /** An emergency access waiting for review. */
    record Waiting(String who, String granted) {
    }

    private final SecurityAlerts alerts;
    private final EmergencyAccess emergencyAccess;
    private final ComplianceProperties settings;
    private final HearthProperties hearth;

    SecurityAlertsController(SecurityAlerts alerts, EmergencyAccess emergencyAccess, ComplianceProperties settings, HearthProperties hearth) {
        this.alerts = alerts;
        this.emergencyAccess = emergencyAccess;
        this.settings = settings;
        this.hearth = hearth;
    }

    @GetMapping(PATH)
    String page(Model model, Locale locale) {
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        model.addAttribute("open", alerts.open().stream().map(alert -> line(alert, format)).toList());
        model.addAttribute("closed", alerts.closed(50).stream().map(alert -> line(alert, format)).toList());
        model.addAttribute("waiting", emergencyAccess.awaitingReview().stream()
                .map(grant -> new Waiting(grant.username(), format.format(grant.grantedAt()))).toList());
        model.addAttribute("checkMinutes", Math.max(1, settings.alerts().checkInterval().toMinutes()));
        model.addAttribute("windowMinutes", settings.alerts().window().toMinutes());
        model.addAttribute("zone", hearth.timeZone().getId());
        return "compliance/security-alerts";
    }

    @PostMapping(PATH + "/{id}")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict, @RequestParam(defaultValue = "") String note,
            Authentication authentication, Model model, Locale locale, HttpServletResponse response) {
        try {
            SecurityAlerts.Status chosen = Arrays.stream(SecurityAlerts.Status.values())
                    .filter(status -> status != SecurityAlerts.Status.OPEN && status.name().equals(verdict)).findFirst().orElse(null);
            alerts.close(id, chosen, note, Actor.of(authentication));
        } catch (AlertRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused);
            return page(model, locale);
        }
        return "redirect:" + PATH + "?closed";
    }

    private Line line(Alert alert, DateTimeFormatter format) {
        return new Line(alert.id(), alert.rule().name(), alert.subjectName() != null ? alert.subjectName() : alert.subject(), alert.count(),
                alert.window().toMinutes(), format.format(alert.raisedAt()), format.format(alert.first()), format.format(alert.last()),
                alert.status().name(), alert.note(), alert.closedBy(), auditLink(alert));
    }

    /** The audit search has no address filter: for sign-in failures it lists that action over the days concerned. */
    private String auditLink(Alert alert) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(hearth.timeZone());
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
        boolean actorRule = alert.rule() == Rule.RECORD_SNOOPING || alert.rule() == Rule.REPEATED_DENIALS;
        if (actorRule) {
            link.queryParam("user", alert.subject()).queryParam("action", "PHI_VIEW")
                    .queryParam("outcome", alert.rule() == Rule.RECORD_SNOOPING ? "SUCCESS" : "DENIED");
        } else {
            link.queryParam("action", "SIGN_IN_FAILURE");
        }
        return link.queryParam("from", day.format(alert.first())).queryParam("to", day.format(alert.last())).encode().build().toUriString();
    }
}
