package io.hearth.medications.web;

import io.hearth.identity.Caller;
import io.hearth.medications.internal.PatientRenewals;
import io.hearth.medications.internal.RenewalAccess;
import io.hearth.medications.internal.RenewalRefusedException;
import io.hearth.medications.internal.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's medications (role PATIENT, {@code /my/**} in WebSecurity): the list, one medication with its renewal
 * requests, and asking for a renewal. Another patient's medication answers 404, audited by the service.
 */
@Controller
class PatientMedicationsController {

    static final String VIEW_MEDICATION = "medications/medication";

    private final PatientRenewals renewals;
    private final RenewalAccess access;
    private final MedicationPages pages;

    PatientMedicationsController(PatientRenewals renewals, RenewalAccess access, MedicationPages pages) {
        this.renewals = renewals;
        this.access = access;
        this.pages = pages;
    }

    /** What the renewal form sends; bound by name, nothing else is read. */
    record RenewalForm(String pharmacy, String note) {
        @Override
        public String toString() {
            return "RenewalForm[hidden]";
        }
    }

    @GetMapping("/my/medications")
    String list(Authentication authentication, Model model, Locale locale) {
        model.addAttribute("rows", renewals.medications(access.viewer(authentication)));
        model.addAttribute("dates", pages.dates(locale));
        return "medications/list";
    }

    /** @param sent what the redirect after a request says happened: {@code new} or {@code pending} (already asked) */
    @GetMapping("/my/medications/{id}")
    String medication(@PathVariable UUID id, @RequestParam(required = false) String sent, Authentication authentication, Model model,
            Locale locale) {
        model.addAttribute("sent", "new".equals(sent) || "pending".equals(sent) || "withdrawn".equals(sent) ? sent : null);
        return show(access.viewer(authentication), id, model, locale);
    }

    @PostMapping("/my/medications/{id}/renewals")
    String request(@PathVariable UUID id, RenewalForm form, Authentication authentication, HttpServletResponse response, Model model,
            Locale locale) {
        Caller patient = access.viewer(authentication);
        try {
            Views.Requested requested = renewals.request(patient, id, form.pharmacy(), form.note());
            return "redirect:/my/medications/" + id + "?sent=" + (requested.duplicate() ? "pending" : "new") + "#renewal";
        } catch (RenewalRefusedException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", refused.key());
            model.addAttribute("form", form);
            return show(patient, id, model, locale);
        }
    }

    @PostMapping("/my/medications/{id}/renewals/withdraw")
    String withdraw(@PathVariable UUID id, Authentication authentication, HttpServletResponse response, Model model, Locale locale) {
        Caller patient = access.viewer(authentication);
        try {
            renewals.withdraw(patient, id);
            return "redirect:/my/medications/" + id + "?sent=withdrawn";
        } catch (RenewalRefusedException refused) {
            response.setStatus(refused.status());
            model.addAttribute("error", refused.key());
            return show(patient, id, model, locale);
        }
    }

    private String show(Caller patient, UUID id, Model model, Locale locale) {
        model.addAttribute("detail", renewals.medication(patient, id));
        model.addAttribute("dates", pages.dates(locale));
        model.addAttribute("limits", pages.limits());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RenewalForm(null, null));
        }
        return VIEW_MEDICATION;
    }
}
