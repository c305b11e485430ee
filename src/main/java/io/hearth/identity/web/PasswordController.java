package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordController {

    static final String PATH = "/account/password";
    private final Accounts accounts;
    private final CredentialChangeSessions sessions;

    PasswordController(Accounts accounts, CredentialChangeSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String form(HttpSession session, Model model) {
        model.addAttribute("expired", PasswordExpiry.pending(session));
        return "identity/password";
    }

    @PostMapping(PATH)
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, @RequestParam(name = CredentialChangeSessions.KEEP_OTHERS, required = false) String keepOtherSessions,
            Authentication authentication, HttpServletRequest request, HttpSession session, Model model) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "The two new passwords differ.");
            return form(session, model);
        }
        try {
            accounts.changePassword(authentication.getName(), currentPassword.toCharArray(), newPassword.toCharArray());
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected);
            return form(session, model);
        }
        PasswordExpiry.clear(session);
        sessions.changed(request, authentication.getName(), keepOtherSessions, "password changed");
        return "redirect:/?passwordChanged";
    }
}
