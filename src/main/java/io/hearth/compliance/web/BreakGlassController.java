package io.hearth.compliance.web;

import io.hearth.compliance.EmergencyAccess;
import io.hearth.compliance.EmergencyAccessRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A clinician asks for emergency access to a patient outside their care team ({@code /staff/break-glass} is for
 * providers and nurses, see WebSecurity): a reason, a few words, and the second factor again; then the record opens.
 */
@Controller
class BreakGlassController {

    static final String PATH = "/staff/break-glass";

    private final EmergencyAccess emergencyAccess;

    BreakGlassController(EmergencyAccess emergencyAccess) {
        this.emergencyAccess = emergencyAccess;
    }

    @GetMapping(PATH)
    String form(@RequestParam UUID patient, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("reasons", EmergencyAccess.Reason.values());
        return "compliance/break-glass";
    }

    @PostMapping(PATH)
    String open(@RequestParam UUID patient, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String details,
            @RequestParam(defaultValue = "") String code, Authentication authentication, Model model, HttpServletResponse response) {
        try {
            emergencyAccess.open(authentication, patient, reason, details, code);
        } catch (EmergencyAccessRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused);
            model.addAttribute("chosenReason", reason);
            model.addAttribute("details", details);
            return form(patient, model);
        }
        return "redirect:/staff/patients/" + patient + "/record";
    }
}
