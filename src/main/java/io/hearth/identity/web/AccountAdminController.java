package io.hearth.identity.web;

import io.hearth.audit.Actor;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.IdentityProperties;
import io.hearth.identity.Role;
import io.hearth.identity.internal.DormantAccounts;
import io.hearth.identity.internal.AccountAdministration;
import io.hearth.identity.internal.AccountAdministration.AccountState;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrators' account console ({@code /admin/**} is ADMIN only, see WebSecurity): find an account, see its
 * state, and unlock, disable, enable, send a reset link or reset the second factor. Accounts are named by id in
 * URLs, never by username. Each action takes only the fields it needs (no form binds to an account).
 */
@Controller
class AccountAdminController {

    static final String PATH = "/admin/accounts";

    /** One account as the console shows it, with its state in words (message keys) and times formatted. */
    record Line(UUID id, String username, String displayName, String roles, List<String> states, String lockedUntil, int passkeys,
            boolean authenticatorApp, boolean enabled, boolean locked, String lastSignedIn) {
    }

    /** A staff role on the account form, ticked when the account holds it. */
    record RoleChoice(String name, boolean held) {
    }

    private final AccountAdministration administration;
    private final DormantAccounts dormancy;
    private final IdentityProperties identity;
    private final HearthProperties hearth;
    private final Clock clock;

    AccountAdminController(AccountAdministration administration, DormantAccounts dormancy, IdentityProperties identity,
            HearthProperties hearth, Clock clock) {
        this.dormancy = dormancy;
        this.identity = identity;
        this.administration = administration;
        this.hearth = hearth;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        List<AccountState> found = administration.search(q.length() > 100 ? q.substring(0, 100) : q, page);
        model.addAttribute("lines", found.stream().limit(AccountAdministration.PAGE_SIZE).map(state -> line(state, locale)).toList());
        model.addAttribute("hasNext", found.size() > AccountAdministration.PAGE_SIZE);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("q", q);
        return "identity/admin-accounts";
    }

    /** Accounts switched off for lack of use, and those within two weeks of it. */
    @GetMapping(PATH + "/dormant")
    String dormant(Model model, Locale locale) {
        model.addAttribute("lines", administration.dormancyReport(dormancy.cutoff(), java.time.Duration.ofDays(14)).stream()
                .map(state -> line(state, locale)).toList());
        model.addAttribute("days", identity.dormancy().toDays());
        return "identity/admin-dormant";
    }

    @GetMapping(PATH + "/{id}")
    String account(@PathVariable UUID id, Model model, Locale locale) {
        AccountState state = administration.find(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("account", line(state, locale));
        model.addAttribute("patientAccount", state.roles().contains(Role.PATIENT));
        model.addAttribute("staffRoles", java.util.Arrays.stream(Role.values()).filter(role -> role != Role.PATIENT)
                .map(role -> new RoleChoice(role.name(), state.roles().contains(role))).toList());
        model.addAttribute("zone", hearth.timeZone().getId());
        return "identity/admin-account";
    }

    @PostMapping(PATH + "/{id}/unlock")
    String unlock(@PathVariable UUID id) {
        return done(id, administration.unlock(id) ? "unlocked" : "notLocked");
    }

    @PostMapping(PATH + "/{id}/disable")
    String disable(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
            Locale locale, HttpServletResponse response) {
        try {
            administration.disable(id, reason, Actor.of(authentication));
        } catch (AccountRejectedException refused) {
            return refused(id, refused, model, locale, response);
        }
        return done(id, "disabled");
    }

    @PostMapping(PATH + "/{id}/enable")
    String enable(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response) {
        try {
            administration.enable(id, Actor.of(authentication));
        } catch (AccountRejectedException refused) {
            return refused(id, refused, model, locale, response);
        }
        return done(id, "enabled");
    }

    @PostMapping(PATH + "/{id}/second-factor-reset")
    String resetSecondFactor(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Authentication authentication,
            Model model, Locale locale, HttpServletResponse response) {
        try {
            administration.resetSecondFactor(id, reason, Actor.of(authentication));
        } catch (AccountRejectedException refused) {
            return refused(id, refused, model, locale, response);
        }
        return done(id, "secondFactorReset");
    }

    /**
     * The roles ticked on the form, and nothing else: the account and its other fields are not bound from the request.
     * An unknown role name is refused, not ignored.
     */
    @PostMapping(PATH + "/{id}/roles")
    String changeRoles(@PathVariable UUID id, @RequestParam(defaultValue = "") List<String> roles, Authentication authentication,
            Model model, Locale locale, HttpServletResponse response) {
        try {
            java.util.Set<Role> chosen = java.util.EnumSet.noneOf(Role.class);
            for (String role : roles) {
                chosen.add(java.util.Arrays.stream(Role.values()).filter(known -> known.name().equals(role)).findFirst()
                        .orElseThrow(() -> new AccountRejectedException("identity.refused.notARole")));
            }
            administration.changeRoles(id, chosen, Actor.of(authentication));
        } catch (AccountRejectedException refused) {
            return refused(id, refused, model, locale, response);
        }
        return done(id, "rolesChanged");
    }

    @PostMapping(PATH + "/{id}/password-reset")
    String sendPasswordReset(@PathVariable UUID id, Authentication authentication) {
        return done(id, administration.sendPasswordReset(id, Actor.of(authentication)) ? "resetSent" : "noEmail");
    }

    private static String done(UUID id, String what) {
        return "redirect:" + PATH + "/" + id + "?" + what;
    }

    private String refused(UUID id, AccountRejectedException refused, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", refused);
        return account(id, model, locale);
    }

    private Line line(AccountState state, Locale locale) {
        DateTimeFormatter format = hearth.dateTimeFormat(locale);
        boolean locked = state.locked(clock.instant());
        List<String> states = new java.util.ArrayList<>();
        states.add(state.enabled() ? "admin.accounts.state.active"
                : state.dormant() ? "admin.accounts.state.dormant" : "admin.accounts.state.disabled");
        if (locked) {
            states.add("admin.accounts.state.locked");
        }
        if (!state.emailConfirmed()) {
            states.add("admin.accounts.state.unconfirmed");
        }
        if (!state.authenticatorApp() && state.passkeys() == 0) {
            states.add("admin.accounts.state.noSecondFactor");
        }
        if (state.lookAlike()) {
            states.add("admin.accounts.state.lookAlike");
        }
        return new Line(state.id(), state.username(), state.displayName(), state.roles().stream().map(Enum::name).sorted()
                .collect(java.util.stream.Collectors.joining(", ")), states, locked ? format.format(state.lockedUntil()) : null,
                state.passkeys(), state.authenticatorApp(), state.enabled(), locked,
                state.lastSignedInAt() == null ? null : format.format(state.lastSignedInAt()));
    }
}
