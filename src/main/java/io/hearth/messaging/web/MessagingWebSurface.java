package io.hearth.messaging.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Messaging's pages: the staff inbox for the roles that work a pool (which threads is the access policy's), and its menu entries. */
@Component
class MessagingWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.roles(EnumSet.of(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK, Role.BILLING), "/staff/messages", "/staff/messages/**"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.MESSAGES, 130, "/my/messages", "nav.messages", "PATIENT").withId("nav-messages").withUnreadBadge(),
                Entry.of(Group.MESSAGES, 140, "/staff/messages", "nav.messages", "PROVIDER", "NURSE", "FRONT_DESK", "BILLING").withId("nav-staff-messages").withUnreadBadge());
    }
}
