package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.SecondFactors;
import io.hearth.identity.internal.Passkeys;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own sign-in security: second factors, recovery codes, passkeys. */
@Controller
class SecurityPageController {

    static final String PATH = "/account/security";
    private static final int MAX_PASSKEY_NAME = 60;

    /** One passkey as the page lists it, with its times formatted in the practice's time zone. */
    record PasskeyLine(String id, String name, String created, String lastUsed) {
    }

    private final SecondFactors secondFactors;
    private final Passkeys passkeys;
    private final HearthProperties hearth;
    private final Clock clock;
    private final CredentialChangeSessions sessions;

    SecurityPageController(SecondFactors secondFactors, Passkeys passkeys, HearthProperties hearth, Clock clock,
            CredentialChangeSessions sessions) {
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.passkeys = passkeys;
        this.hearth = hearth;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String security(Authentication authentication, Model model, Locale locale) {
        model.addAttribute("authenticatorApp", secondFactors.hasSecondFactor(authentication.getName()));
        model.addAttribute("recoveryCodesLeft", secondFactors.unusedRecoveryCodes(authentication.getName()));
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        model.addAttribute("passkeys", passkeys.of(authentication.getName()).stream()
                .map(passkey -> new PasskeyLine(passkey.id(), passkey.name(), format.format(passkey.created()),
                        format.format(passkey.lastUsed()))).toList());
        model.addAttribute("zone", hearth.timeZone().getId());
        return "identity/security";
    }

    @PostMapping(PATH + "/recovery-codes")
    String regenerate(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(name = CredentialChangeSessions.KEEP_OTHERS, required = false) String keepOtherSessions,
            Authentication authentication, HttpServletRequest request, Model model, Locale locale) {
        try {
            model.addAttribute("recoveryCodes", secondFactors.regenerateRecoveryCodes(authentication.getName(), currentPassword.toCharArray()));
        } catch (AccountRejectedException rejected) {
            return refused(rejected, authentication, model, locale);
        }
        sessions.changed(request, authentication.getName(), keepOtherSessions, "recovery codes replaced");
        return "identity/recovery-codes";
    }

    /** The password again, and a name: then the page where the browser creates the passkey (a short window). */
    @PostMapping(PATH + "/passkeys")
    String addPasskey(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String currentPassword,
            Authentication authentication, HttpSession session, Model model, Locale locale) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_PASSKEY_NAME || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            return refused(new AccountRejectedException("identity.refused.passkeyName", MAX_PASSKEY_NAME),
                    authentication, model, locale);
        }
        try {
            passkeys.confirmPassword(authentication.getName(), currentPassword.toCharArray());
        } catch (AccountRejectedException rejected) {
            return refused(rejected, authentication, model, locale);
        }
        PasskeyRegistration.open(session, trimmed, clock);
        model.addAttribute("name", trimmed);
        return "identity/passkey-new";
    }

    @PostMapping(PATH + "/passkeys/remove")
    String removePasskey(@RequestParam(defaultValue = "") String passkey, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(name = CredentialChangeSessions.KEEP_OTHERS, required = false) String keepOtherSessions,
            Authentication authentication, HttpServletRequest request, Model model, Locale locale) {
        try {
            passkeys.remove(authentication.getName(), passkey, currentPassword.toCharArray());
        } catch (AccountRejectedException rejected) {
            return refused(rejected, authentication, model, locale);
        }
        sessions.changed(request, authentication.getName(), keepOtherSessions, "passkey removed");
        return "redirect:" + PATH + "?passkeyRemoved";
    }

    private String refused(AccountRejectedException rejected, Authentication authentication, Model model, Locale locale) {
        model.addAttribute("error", rejected);
        return security(authentication, model, locale);
    }
}
