package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": the request page answers the same whether or not an account matches. */
@Controller
class PasswordResetController {

    private final Accounts accounts;

    PasswordResetController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/signin/forgot")
    String forgot() {
        return "identity/forgot";
    }

    @PostMapping("/signin/forgot")
    String requestLink(@RequestParam(defaultValue = "") String name) {
        if (!name.isBlank() && name.length() <= 320) {
            accounts.sendPasswordReset(name);
        }
        return "redirect:/signin/forgot?sent";
    }

    @GetMapping("/signin/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/reset";
    }

    @PostMapping("/signin/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model) {
        model.addAttribute("token", token);
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "The two new passwords differ.");
            return "identity/reset";
        }
        try {
            accounts.resetPassword(token, newPassword.toCharArray());
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected);
            return "identity/reset";
        }
        return "redirect:/signin?reset";
    }
}
