package io.hearth.patients.web;

import io.hearth.identity.Accounts;
import io.hearth.patients.EmailConsent;
import io.hearth.system.HomePageContent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A patient who has not said whether they want email notices is asked on their home page (until then, only security notices go). */
@Component
class EmailChoiceOnTheHomePage implements HomePageContent {

    private final EmailConsent consent;
    private final Accounts accounts;

    EmailChoiceOnTheHomePage(EmailConsent consent, Accounts accounts) {
        this.consent = consent;
        this.accounts = accounts;
    }

    @Override
    public void addTo(Authentication person, Model model) {
        if (HomePageContent.isPatient(person)
                && accounts.idOf(person.getName()).map(account -> consent.current(account).isEmpty()).orElse(false)) {
            model.addAttribute("askEmailChoice", true);
        }
    }
}
