package io.hearth.identity.web;

import io.hearth.identity.internal.UserSessions;
import jakarta.servlet.http.HttpSession;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where the user is signed in, and ending any of those sessions. */
@Controller
class SessionsController {

    static final String PATH = "/account/sessions";
    private final UserSessions sessions;
    private final io.hearth.system.HearthProperties hearth;

    SessionsController(UserSessions sessions, io.hearth.system.HearthProperties hearth) {
        this.sessions = sessions;
        this.hearth = hearth;
    }

    /** A session as the page shows it, times in the practice's zone. */
    record Row(String handle, String device, String address, String signedIn, String lastActive, boolean current) {
    }

    @GetMapping(PATH)
    String list(Authentication authentication, HttpSession session, Model model, Locale locale) {
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        model.addAttribute("sessions", sessions.of(authentication.getName(), session.getId()).stream()
                .map(s -> new Row(s.handle(), s.device(), s.address(), format.format(s.signedInAt()), format.format(s.lastActive()), s.current()))
                .toList());
        model.addAttribute("zone", hearth.timeZone());
        return "identity/sessions";
    }

    @PostMapping(PATH + "/end")
    String end(@RequestParam(defaultValue = "") String handle, Authentication authentication, HttpSession session) {
        boolean ended = sessions.end(authentication.getName(), handle, session.getId());
        return "redirect:" + PATH + (ended ? "?ended" : "?gone");
    }

    @PostMapping(PATH + "/end-others")
    String endOthers(Authentication authentication, HttpSession session) {
        sessions.endOthers(authentication.getName(), session.getId(), "signed out everywhere else by its owner");
        return "redirect:" + PATH + "?endedOthers";
    }
}
