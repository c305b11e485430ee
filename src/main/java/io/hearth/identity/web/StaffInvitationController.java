package io.hearth.identity.web;

import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Administrators invite staff: the account is made and its owner emailed a link to choose their password. */
@Controller
class StaffInvitationController {

    static final String PATH = "/admin/staff/invite";
    static final List<Role> STAFF_ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.PATIENT).toList();
    private final Accounts accounts;

    StaffInvitationController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The form as typed; unknown role names are ignored, so no one can ask for a role that does not exist. */
    record Invitation(String username, String displayName, String email, List<String> roles) {

        Invitation {
            username = username == null ? "" : username.strip();
            displayName = displayName == null ? "" : displayName.strip();
            email = email == null ? "" : email.strip();
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        Set<Role> chosenRoles() {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            STAFF_ROLES.stream().filter(role -> roles.contains(role.name())).forEach(chosen::add);
            return chosen;
        }
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("form", new Invitation("", "", "", List.of()));
        model.addAttribute("staffRoles", STAFF_ROLES);
        return "identity/invite-staff";
    }

    @PostMapping(PATH)
    String invite(@ModelAttribute Invitation form, Model model) {
        model.addAttribute("staffRoles", STAFF_ROLES);
        model.addAttribute("form", form);
        try {
            accounts.inviteStaff(form.username(), form.displayName(), form.email(), form.chosenRoles());
        } catch (AccountRejectedException rejected) {
            model.addAttribute("error", rejected);
            return "identity/invite-staff";
        }
        model.addAttribute("invited", form.username());
        model.addAttribute("form", new Invitation("", "", "", List.of()));
        return "identity/invite-staff";
    }
}
