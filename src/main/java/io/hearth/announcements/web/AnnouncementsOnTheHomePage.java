package io.hearth.announcements.web;

import io.hearth.announcements.Announcements;
import io.hearth.system.HomePageContent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Current announcements go on patients' home page. */
@Component
class AnnouncementsOnTheHomePage implements HomePageContent {

    private final Announcements announcements;

    AnnouncementsOnTheHomePage(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public void addTo(Authentication person, Model model) {
        if (HomePageContent.isPatient(person)) {
            model.addAttribute("announcements", announcements.current());
        }
    }
}
