package io.hearth.identity.web;

import io.hearth.identity.Accounts;
import io.hearth.identity.internal.PasswordMeter;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live strength meter's question: how would the policy judge this password? Open before sign-in (sign-up and
 * reset forms), CSRF-protected like every form post; for a signed-in person their own name, username and address
 * count as personal words, as they will when the password is set.
 */
@RestController
class PasswordStrengthController {

    static final String PATH = "/password/strength";
    private static final String[] LABELS = { "very weak", "weak", "fair", "strong", "very strong" };
    private final PasswordMeter meter;
    private final Accounts accounts;

    PasswordStrengthController(PasswordMeter meter, Accounts accounts) {
        this.meter = meter;
        this.accounts = accounts;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> strength(@RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
            Authentication authentication) {
        if (password.length() > 1024) {
            password = password.substring(0, 1024);
        }
        String ownName = "";
        String ownEmail = "";
        String ownUsername = "";
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            ownUsername = authentication.getName();
            ownName = accounts.displayNameOf(ownUsername).orElse("");
            ownEmail = accounts.emailOf(ownUsername).orElse("");
        }
        PasswordMeter.Reading reading = meter.read(password, username, email, ownUsername, ownName, ownEmail);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("score", reading.score(), "label",
                LABELS[Math.max(0, Math.min(4, reading.score()))], "acceptable", reading.refusal() == null,
                "message", reading.refusal() == null ? "" : reading.refusal()));
    }
}
