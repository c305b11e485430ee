package io.hearth.compliance.web;

import io.hearth.audit.Actor;
import io.hearth.compliance.EmergencyAccess;
import io.hearth.compliance.EmergencyAccessRefusedException;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The security officer reviews each emergency access ({@code /security/**} is SECURITY_OFFICER only, see WebSecurity). */
@Controller
class BreakGlassReviewController {

    static final String PATH = "/security/break-glass";

    /** One grant as the review page shows it. */
    record Line(UUID id, String who, UUID patient, String reason, String details, String granted, String until, String review,
            String note, String reviewedBy) {
    }

    private final EmergencyAccess emergencyAccess;
    private final HearthProperties hearth;

    BreakGlassReviewController(EmergencyAccess emergencyAccess, HearthProperties hearth) {
        this.emergencyAccess = emergencyAccess;
        this.hearth = hearth;
    }

    @GetMapping(PATH)
    String page(Model model, Locale locale) {
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        model.addAttribute("waiting", emergencyAccess.awaitingReview().stream().map(grant -> line(grant, format)).toList());
        model.addAttribute("done", emergencyAccess.reviewed(50).stream().map(grant -> line(grant, format)).toList());
        model.addAttribute("zone", hearth.timeZone().getId());
        return "compliance/break-glass-review";
    }

    @PostMapping(PATH + "/{id}")
    String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict, @RequestParam(defaultValue = "") String note,
            Authentication authentication, Model model, Locale locale, HttpServletResponse response) {
        try {
            EmergencyAccess.Review chosen = "ESCALATED".equals(verdict) ? EmergencyAccess.Review.ESCALATED
                    : "ACCEPTED".equals(verdict) ? EmergencyAccess.Review.ACCEPTED : null;
            if (chosen == null) {
                throw new EmergencyAccessRefusedException("compliance.refused.verdict");
            }
            emergencyAccess.review(id, chosen, note, Actor.of(authentication));
        } catch (EmergencyAccessRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused);
            return page(model, locale);
        }
        return "redirect:" + PATH + "?reviewed";
    }

    private static Line line(EmergencyAccess.Grant grant, DateTimeFormatter format) {
        return new Line(grant.id(), grant.username(), grant.patientId(), grant.reason().name(), grant.details(), format.format(grant.grantedAt()),
                format.format(grant.expiresAt()), grant.review() == null ? null : grant.review().name(), grant.reviewNote(), grant.reviewedBy());
    }
}
