package io.hearth.patients.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** The patients module's pages: sign-up is open to anybody, activation codes are for front desk and administrators; and its menu entries. */
@Component
class PatientsWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.open("/signup", "/signup/confirm"),
                Rule.roles(EnumSet.of(Role.ADMIN, Role.FRONT_DESK), "/staff/activation-codes/**"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.ACCOUNT, 120, "/my/preferences", "nav.preferences", "PATIENT"),
                Entry.of(Group.HEALTH, 150, "/my/access-log", "nav.accessLog", "PATIENT"),
                Entry.of(Group.ADMINISTRATION, 240, "/staff/activation-codes", "nav.activation", "ADMIN", "FRONT_DESK"));
    }
}
