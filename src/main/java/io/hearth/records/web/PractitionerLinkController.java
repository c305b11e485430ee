package io.hearth.records.web;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.records.internal.PractitionerDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Part of the administration console ({@code /admin/**}, ADMIN): links a staff account to the directory's practitioner
 * it is, so clinicians see the patients of their care team and can be booked. It lives here because the directory is
 * the health record's; identity keeps the link ({@link Accounts#linkPractitioner}, audited there). Only a practitioner
 * of the directory can be chosen, and only for a staff account.
 */
@Controller
class PractitionerLinkController {

    static final String PATH = "/admin/accounts/{id}/practitioner";

    private final Accounts accounts;
    private final PractitionerDirectory directory;

    PractitionerLinkController(Accounts accounts, PractitionerDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping(PATH)
    String page(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        String username = staffAccount(id);
        model.addAttribute("accountId", id);
        model.addAttribute("username", username);
        model.addAttribute("displayName", accounts.displayNameOf(username).orElse(username));
        model.addAttribute("current", accounts.practitionerOf(username).flatMap(directory::find).orElse(null));
        model.addAttribute("q", q);
        model.addAttribute("found", q == null || q.isBlank() ? java.util.List.of() : directory.search(q));
        return "records/practitioner-link";
    }

    @PostMapping(PATH)
    String link(@PathVariable UUID id, @RequestParam(required = false) String practitioner, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String username = staffAccount(id);
        if ("none".equals(practitioner)) {
            accounts.linkPractitioner(username, null);
        } else {
            Optional<PractitionerDirectory.Practitioner> chosen = parse(practitioner).flatMap(directory::find);
            if (chosen.isEmpty()) {
                response.setStatus(400);
                model.addAttribute("error", "admin.practitioner.unknown");
                return page(id, null, model);
            }
            accounts.linkPractitioner(username, chosen.get().id());
        }
        redirect.addFlashAttribute("done", "admin.practitioner.saved");
        return "redirect:/admin/accounts/" + id + "/practitioner";
    }

    /** The staff account's username; 404 for a patient's account or no such account. */
    private String staffAccount(UUID id) {
        return accounts.usernameOf(id).filter(username -> !accounts.rolesOf(id).contains(Role.PATIENT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
