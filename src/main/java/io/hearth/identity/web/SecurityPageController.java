package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.SecondFactors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own sign-in security: second factors, recovery codes. */
@Controller
class SecurityPageController {

    private final SecondFactors secondFactors;

    SecurityPageController(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping("/account/security")
    String security(Authentication authentication, Model model) {
        model.addAttribute("authenticatorApp", secondFactors.hasSecondFactor(authentication.getName()));
        model.addAttribute("recoveryCodesLeft", secondFactors.unusedRecoveryCodes(authentication.getName()));
        return "identity/security";
    }

    @PostMapping("/account/security/recovery-codes")
    String regenerate(@RequestParam(defaultValue = "") String currentPassword, Authentication authentication, Model model) {
        try {
            model.addAttribute("recoveryCodes", secondFactors.regenerateRecoveryCodes(authentication.getName(), currentPassword.toCharArray()));
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected.getMessage());
            return security(authentication, model);
        }
        return "identity/recovery-codes";
    }
}
