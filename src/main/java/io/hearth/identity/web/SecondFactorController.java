package io.hearth.identity.web;

import io.hearth.identity.internal.DormantAccounts;
import io.hearth.identity.internal.KnownDevices;
import io.hearth.identity.internal.Factors;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages between the password and the portal: the second-factor prompt, and enrolment of an authenticator app
 * for accounts that have no second factor yet (every new account, before it sees anything else).
 */
@Controller
class SecondFactorController {

    static final String EMAIL_CODE_PATH = SecondFactorAuthenticationFilter.PATH + "/email-code";
    private static final String PENDING_SECRET = SecondFactorController.class.getName() + ".secret";
    private final SecondFactors secondFactors;
    private final IdentityProperties identity;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final KnownDevices devices;

    private final DormantAccounts dormancy;

    private final Accounts accounts;

    SecondFactorController(SecondFactors secondFactors, IdentityProperties identity, KnownDevices devices, DormantAccounts dormancy,
            Accounts accounts) {
        this.dormancy = dormancy;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.identity = identity;
        this.devices = devices;
    }

    @GetMapping(SecondFactorAuthenticationFilter.PATH)
    String prompt(Authentication authentication, Model model) {
        if (!secondFactors.hasSecondFactor(authentication.getName())) {
            return "redirect:/signin/enrol";
        }
        model.addAttribute("emailCode", secondFactors.emailCodeOffered(authentication.getName()));
        model.addAttribute("emailCodeMinutes", identity.emailCode().validity().toMinutes());
        return "identity/second-factor";
    }

    /** A patient without their phone: a one-time code by email, typed in the same field as an authenticator code. */
    @PostMapping(EMAIL_CODE_PATH)
    String sendEmailCode(Authentication authentication, Model model) {
        try {
            secondFactors.sendEmailCode(authentication.getName());
        } catch (AccountRejectedException refused) {
            model.addAttribute("error", refused);
            return prompt(authentication, model);
        }
        return "redirect:" + SecondFactorAuthenticationFilter.PATH + "?emailed";
    }

    @GetMapping("/signin/enrol")
    String enrolment(Authentication authentication, HttpSession session, Model model) {
        if (secondFactors.hasSecondFactor(authentication.getName())) {
            return "redirect:" + SecondFactorAuthenticationFilter.PATH;
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = secondFactors.newAuthenticatorSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("qrCode", QrCodes.pngDataUri(secondFactors.provisioningUri(authentication.getName(), secret)));
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        return "identity/enrol";
    }

    @PostMapping("/signin/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, Authentication authentication, HttpSession session, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/signin/enrol";
        }
        List<String> recoveryCodes;
        try {
            recoveryCodes = secondFactors.enrolAuthenticatorApp(authentication.getName(), secret, code);
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected);
            return enrolment(authentication, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        grant(authentication, Factors.AUTHENTICATOR_APP, request, response);
        // the first sign-in completes here; the recovery codes come first, whatever the password's age
        SignInCompletion.completed(accounts, devices, dormancy, request, response, SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "identity/recovery-codes";
    }

    /** The code just confirmed is the second factor: add it to the session's authentication, under a new session id. */
    private void grant(Authentication current, String factor, HttpServletRequest request, HttpServletResponse response) {
        Authentication merged = Factors.adding(current, java.util.List.of(FactorGrantedAuthority.withAuthority(factor).build()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(merged);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }
}
