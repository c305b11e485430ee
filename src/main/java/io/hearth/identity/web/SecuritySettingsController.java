package io.hearth.identity.web;

import io.hearth.audit.Actor;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.internal.EmailCodeSwitch;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The security settings in force, read-only, for administrators and the security officer (auditors ask for them), and
 * the one an administrator may change at run time: sign-in codes by email.
 */
@Controller
class SecuritySettingsController {

    static final String PATH = "/admin/settings";

    /** One setting as the page shows it: a message key for its name and its value in words. */
    record Setting(String key, String value) {
    }

    private final IdentityProperties identity;
    private final Duration idleTimeout;
    private final EmailCodeSwitch emailCode;

    SecuritySettingsController(IdentityProperties identity, @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout,
            EmailCodeSwitch emailCode) {
        this.identity = identity;
        this.idleTimeout = idleTimeout;
        this.emailCode = emailCode;
    }

    @GetMapping(PATH)
    String settings(Model model) {
        IdentityProperties.Password password = identity.password();
        model.addAttribute("lockout", List.of(
                new Setting("settings.lockout.failures", String.valueOf(identity.lockout().maxFailures())),
                new Setting("settings.lockout.duration", words(identity.lockout().duration())),
                new Setting("settings.throttle.failures", String.valueOf(identity.throttle().maxFailures())),
                new Setting("settings.throttle.window", words(identity.throttle().window()))));
        model.addAttribute("passwords", List.of(
                new Setting("settings.password.minLength", String.valueOf(password.minLength())),
                new Setting("settings.password.maxLength", String.valueOf(password.maxLength())),
                new Setting("settings.password.minScore", password.minScore() + " / 4"),
                new Setting("settings.password.maxAge", password.maxAge().isZero() ? "never" : words(password.maxAge())),
                new Setting("settings.password.history", String.valueOf(password.history())),
                new Setting("settings.password.resetLink", words(identity.resetLinkValidity()))));
        model.addAttribute("sessions", List.of(
                new Setting("settings.session.idle", words(idleTimeout)),
                new Setting("settings.session.absolute", words(identity.absoluteSessionTimeout()))));
        model.addAttribute("emailCodeOn", emailCode.on());
        model.addAttribute("emailCodeAllowed", emailCode.allowedByConfiguration());
        model.addAttribute("emailCodeValidity", words(identity.emailCode().validity()));
        return "identity/settings";
    }

    /** {@code /admin/**} except the page itself is for administrators only (see WebSecurity). */
    @PostMapping(PATH + "/email-code")
    String switchEmailCode(@RequestParam(defaultValue = "false") boolean on, Authentication authentication) {
        if (on && !emailCode.allowedByConfiguration()) {
            return "redirect:" + PATH + "?refused";
        }
        emailCode.set(on, Actor.of(authentication));
        return "redirect:" + PATH + "?changed";
    }

    /** "20 minutes", "60 days", "12 hours": the largest whole unit. */
    static String words(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
