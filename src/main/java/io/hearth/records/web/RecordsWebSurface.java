package io.hearth.records.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** The health record's pages: who may call the staff pages (which patient's record is the access policy's), and its menu entries. */
@Component
class RecordsWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.roles(EnumSet.of(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING, Role.ADMIN, Role.SECURITY_OFFICER), "/staff/patients", "/staff/patients/**"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.HEALTH, 20, "/my/record", "nav.record", "PATIENT"),
                Entry.of(Group.HEALTH, 30, "/my/results", "nav.results", "PATIENT"),
                Entry.of(Group.HEALTH, 40, "/my/visits", "nav.visits", "PATIENT"),
                Entry.of(Group.WORK, 60, "/staff/patients", "nav.patients", "PROVIDER", "NURSE"),
                Entry.of(Group.WORK, 70, "/staff/patients", "office.find.title", "FRONT_DESK", "BILLING").unless("PROVIDER", "NURSE"));
    }
}
