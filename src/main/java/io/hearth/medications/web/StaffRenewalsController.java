package io.hearth.medications.web;

import io.hearth.identity.Caller;
import io.hearth.medications.internal.RenewalAccess;
import io.hearth.medications.internal.RenewalRefusedException;
import io.hearth.medications.internal.StaffRenewals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinicians' renewal queue ({@code /staff/renewals/**}: PROVIDER, NURSE in WebSecurity): pending requests of their
 * care team's patients, one request, approve or deny. Which requests a clinician may see is decided by the service (404
 * for others, audited).
 */
@Controller
class StaffRenewalsController {

    static final String VIEW_REQUEST = "medications/request";

    private final StaffRenewals renewals;
    private final RenewalAccess access;
    private final MedicationPages pages;

    StaffRenewalsController(StaffRenewals renewals, RenewalAccess access, MedicationPages pages) {
        this.renewals = renewals;
        this.access = access;
        this.pages = pages;
    }

    /** What the approval form sends: blank fields leave the prescription's quantity and refills as they are. */
    record ApprovalForm(String quantity, String refills) {
        @Override
        public String toString() {
            return "ApprovalForm[hidden]";
        }
    }

    record DenialForm(String reason) {
        @Override
        public String toString() {
            return "DenialForm[hidden]";
        }
    }

    @GetMapping("/staff/renewals")
    String queue(Authentication authentication, Model model, Locale locale) {
        model.addAttribute("queue", renewals.queue(access.viewer(authentication)));
        model.addAttribute("dates", pages.dates(locale));
        return "medications/queue";
    }

    /** @param decided what the redirect after a decision says happened */
    @GetMapping("/staff/renewals/{id}")
    String request(@PathVariable UUID id, @RequestParam(required = false) String decided, Authentication authentication, Model model,
            Locale locale) {
        model.addAttribute("decided", decided != null);
        return show(access.viewer(authentication), id, model, locale);
    }

    @PostMapping("/staff/renewals/{id}/approve")
    String approve(@PathVariable UUID id, ApprovalForm approval, Authentication authentication, HttpServletResponse response, Model model,
            Locale locale) {
        model.addAttribute("approval", approval);
        return decide(access.viewer(authentication), id, staff -> renewals.approve(staff, id, approval.quantity(), approval.refills()),
                response, model, locale);
    }

    @PostMapping("/staff/renewals/{id}/deny")
    String deny(@PathVariable UUID id, DenialForm denial, Authentication authentication, HttpServletResponse response, Model model,
            Locale locale) {
        model.addAttribute("denial", denial);
        return decide(access.viewer(authentication), id, staff -> renewals.deny(staff, id, denial.reason()), response, model, locale);
    }

    /** The decision, then the request page; refused, the page again with the reason, what was typed and 400 or 409. */
    private String decide(Caller staff, UUID id, Consumer<Caller> decision, HttpServletResponse response, Model model, Locale locale) {
        try {
            decision.accept(staff);
            return "redirect:/staff/renewals/" + id + "?decided";
        } catch (RenewalRefusedException refused) {
            return again(staff, id, refused.status(), refused.key(), response, model, locale);
        } catch (OptimisticLockingFailureException raced) {
            return again(staff, id, 409, "renewals.error.decided", response, model, locale);
        }
    }

    private String again(Caller staff, UUID id, int status, String key, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(status);
        model.addAttribute("error", key);
        return show(staff, id, model, locale);
    }

    private String show(Caller staff, UUID id, Model model, Locale locale) {
        model.addAttribute("view", renewals.open(staff, id));
        model.addAttribute("dates", pages.dates(locale));
        model.addAttribute("limits", pages.limits());
        if (!model.containsAttribute("approval")) {
            model.addAttribute("approval", new ApprovalForm(null, null));
        }
        if (!model.containsAttribute("denial")) {
            model.addAttribute("denial", new DenialForm(null));
        }
        model.addAttribute("decided", Boolean.TRUE.equals(model.getAttribute("decided")));
        return VIEW_REQUEST;
    }
}
