package io.hearth.identity.web;

import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.List;
import org.springframework.stereotype.Component;

/** Identity's menu entries: the administrators' account pages and everyone's sign-in security. */
@Component
class IdentityMenu implements MenuEntries {

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.ADMINISTRATION, 190, SecuritySettingsController.PATH, "nav.settings", "ADMIN", "SECURITY_OFFICER"),
                Entry.of(Group.ADMINISTRATION, 200, AccountAdminController.PATH, "nav.accounts", "ADMIN"),
                Entry.of(Group.ADMINISTRATION, 230, StaffInvitationController.PATH, "nav.invite", "ADMIN"),
                Entry.of(Group.ACCOUNT, 250, SecurityPageController.PATH, "nav.security"),
                Entry.of(Group.ACCOUNT, 260, PasswordController.PATH, "nav.password"),
                Entry.of(Group.ACCOUNT, 270, SessionsController.PATH, "nav.sessions"),
                Entry.of(Group.ACCOUNT, 280, EmailController.PATH, "nav.email"));
    }
}
