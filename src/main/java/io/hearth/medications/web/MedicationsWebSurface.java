package io.hearth.medications.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Medications' pages: renewal requests are for clinicians (which patients' requests is the access policy's), and its menu entries. */
@Component
class MedicationsWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.roles(EnumSet.of(Role.PROVIDER, Role.NURSE), "/staff/renewals", "/staff/renewals/**"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.HEALTH, 50, "/my/medications", "nav.medications", "PATIENT").withId("nav-medications"),
                Entry.of(Group.WORK, 110, "/staff/renewals", "nav.renewals", "PROVIDER", "NURSE").withId("nav-renewals"));
    }
}
