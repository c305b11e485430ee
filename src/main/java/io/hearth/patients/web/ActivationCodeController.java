package io.hearth.patients.web;

import io.hearth.patients.ActivationRefusedException;
import io.hearth.patients.PatientActivation;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Front desk and administrators give a patient an activation code for their record; the code is shown once. */
@Controller
class ActivationCodeController {

    static final String PATH = "/staff/activation-codes";
    private final PatientActivation activation;

    ActivationCodeController(PatientActivation activation) {
        this.activation = activation;
    }

    @GetMapping(PATH)
    String form() {
        return "patients/activation-code";
    }

    @PostMapping(PATH)
    String issue(@RequestParam(defaultValue = "") String patientId, Model model) {
        UUID patient;
        try {
            patient = UUID.fromString(patientId.strip());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "That is not a patient record id.");
            return "patients/activation-code";
        }
        try {
            model.addAttribute("code", activation.issueCode(patient));
        } catch (ActivationRefusedException refused) {
            model.addAttribute("error", refused);
        }
        return "patients/activation-code";
    }
}
