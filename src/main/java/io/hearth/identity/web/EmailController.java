package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owner's email address: shown, changed after the password is typed again, and confirmed by a link. */
@Controller
class EmailController {

    static final String PATH = "/account/email";
    private final Accounts accounts;
    private final CredentialChangeSessions sessions;

    EmailController(Accounts accounts, CredentialChangeSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String form(Authentication authentication, Model model) {
        model.addAttribute("email", accounts.emailOf(authentication.getName()).orElse(null));
        model.addAttribute("confirmed", accounts.emailConfirmed(authentication.getName()));
        return "identity/email";
    }

    @PostMapping(PATH)
    String change(@RequestParam(defaultValue = "") String newEmail, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(name = CredentialChangeSessions.KEEP_OTHERS, required = false) String keepOtherSessions,
            Authentication authentication, HttpServletRequest request, Model model) {
        try {
            accounts.changeOwnEmail(authentication.getName(), currentPassword.toCharArray(), newEmail.strip());
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected);
            model.addAttribute("newEmail", newEmail);
            return form(authentication, model);
        }
        sessions.changed(request, authentication.getName(), keepOtherSessions, "email address changed");
        return "redirect:" + PATH + "?changed";
    }

    @PostMapping(PATH + "/confirmation")
    String resend(Authentication authentication) {
        accounts.sendEmailConfirmation(authentication.getName());
        return "redirect:" + PATH + "?sent";
    }
}
