package io.hearth.announcements.web;

import io.hearth.announcements.Announcements;
import io.hearth.audit.Actor;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators post news for every patient ({@code /admin/**} is ADMIN only, see WebSecurity). */
@Controller
class AnnouncementController {

    static final String PATH = "/admin/announcements";

    /** One announcement as the administrators' list shows it. */
    record Line(String title, String published, String until, int noticesQueued) {
    }

    private final Announcements announcements;
    private final HearthProperties hearth;

    AnnouncementController(Announcements announcements, HearthProperties hearth) {
        this.announcements = announcements;
        this.hearth = hearth;
    }

    @GetMapping(PATH)
    String page(Model model, Locale locale) {
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        model.addAttribute("lines", announcements.recent(50).stream().map(announcement -> new Line(announcement.title(),
                format.format(announcement.publishedAt()), format.format(announcement.shownUntil()), announcement.noticesQueued())).toList());
        model.addAttribute("maxTitle", Announcements.MAX_TITLE);
        model.addAttribute("maxBody", Announcements.MAX_BODY);
        model.addAttribute("zone", hearth.timeZone().getId());
        return "announcements/admin";
    }

    /** {@code lastDay} is a date in the practice's time zone; the announcement shows until that day ends. */
    @PostMapping(PATH)
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String lastDay, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            LocalDate day = LocalDate.parse(lastDay);
            var published = announcements.publish(title, body, day.plusDays(1).atStartOfDay(hearth.timeZone()).toInstant(),
                    Actor.of(authentication));
            return "redirect:" + PATH + "?published=" + published.noticesQueued();
        } catch (DateTimeParseException badDate) {
            return refused("Choose the last day the announcement shows.", title, body, lastDay, model, locale, response);
        } catch (IllegalArgumentException refused) {
            return refused(refused.getMessage(), title, body, lastDay, model, locale, response);
        }
    }

    /** The page again with the reason, and everything the administrator typed kept. */
    private String refused(String reason, String title, String body, String lastDay, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", reason);
        model.addAttribute("draftTitle", title);
        model.addAttribute("draftBody", body);
        model.addAttribute("draftLastDay", lastDay);
        return page(model, locale);
    }
}
