package io.hearth.patients.web;

import io.hearth.audit.Actor;
import io.hearth.identity.Accounts;
import io.hearth.patients.EmailConsent;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's Preferences page: what email notices are, what email's risks are, and their choice, which they can
 * change at any time. Every choice is kept with the version of the words they were shown.
 */
@Controller
class EmailPreferencesController {

    static final String PATH = "/my/preferences";

    /** One earlier choice as the page lists it. */
    record Line(String when, boolean agreed, String textVersion) {
    }

    private final EmailConsent consent;
    private final Accounts accounts;
    private final HearthProperties hearth;

    EmailPreferencesController(EmailConsent consent, Accounts accounts, HearthProperties hearth) {
        this.consent = consent;
        this.accounts = accounts;
        this.hearth = hearth;
    }

    @GetMapping(PATH)
    String preferences(Authentication authentication, Model model, Locale locale) {
        UUID account = accounts.idOf(authentication.getName()).orElseThrow();
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        var history = consent.history(account);
        model.addAttribute("current", history.isEmpty() ? null : history.get(0));
        model.addAttribute("history", history.stream()
                .map(decision -> new Line(format.format(decision.decidedAt()), decision.agreed(), decision.textVersion())).toList());
        model.addAttribute("zone", hearth.timeZone().getId());
        model.addAttribute("textVersion", EmailConsent.TEXT_VERSION);
        return "patients/preferences";
    }

    /**
     * {@code email} is "yes" or "no"; {@code textVersion} is the version of the explanation the page showed, so a
     * choice made on a page opened before the words changed is asked again rather than recorded against new words.
     */
    @PostMapping(PATH + "/email")
    String choose(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String textVersion,
            Authentication authentication, Model model, Locale locale, HttpServletResponse response) {
        boolean yes = "yes".equals(email);
        if (!(yes || "no".equals(email)) || !EmailConsent.TEXT_VERSION.equals(textVersion)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", EmailConsent.TEXT_VERSION.equals(textVersion) ? "preferences.chooseOne" : "preferences.textChanged");
            return preferences(authentication, model, locale);
        }
        UUID account = accounts.idOf(authentication.getName()).orElseThrow();
        consent.record(account, yes, textVersion, Actor.of(authentication));
        return "redirect:" + PATH + "?saved";
    }
}
