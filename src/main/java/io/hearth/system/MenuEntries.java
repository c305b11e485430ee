package io.hearth.system;

import java.util.List;
import java.util.Set;

/**
 * A module's own entries in the site menu, as {@link HomePageContent} is its part of the home page: each feature
 * module registers one bean, and the shared layout shows the entries of the roles the person holds, so the layout
 * lists no module's links. What the menu shows is a convenience: every URL is authorized by the filter chain.
 */
public interface MenuEntries {

    List<Entry> entries();

    /** Where an entry belongs; the menu may group by it. */
    enum Group { HEALTH, APPOINTMENTS, MESSAGES, WORK, SECURITY, ADMINISTRATION, ACCOUNT }

    /**
     * One link.
     *
     * @param order the place in the menu, lower first (modules leave gaps between theirs)
     * @param labelKey the message key of its text
     * @param id the link's element id, or null
     * @param roles the roles (names, as {@code PATIENT}) of which the person must hold one; empty for everyone signed in
     * @param unlessRoles roles that hide the entry (a clinician finds patients under another entry)
     * @param unreadBadge whether the unread-message count shows beside it
     */
    record Entry(Group group, int order, String path, String labelKey, String id, Set<String> roles, Set<String> unlessRoles,
            boolean unreadBadge) {

        public Entry {
            roles = Set.copyOf(roles);
            unlessRoles = Set.copyOf(unlessRoles);
        }

        public static Entry of(Group group, int order, String path, String labelKey, String... roles) {
            return new Entry(group, order, path, labelKey, null, Set.of(roles), Set.of(), false);
        }

        public Entry withId(String elementId) {
            return new Entry(group, order, path, labelKey, elementId, roles, unlessRoles, unreadBadge);
        }

        public Entry unless(String... hiding) {
            return new Entry(group, order, path, labelKey, id, roles, Set.of(hiding), unreadBadge);
        }

        public Entry withUnreadBadge() {
            return new Entry(group, order, path, labelKey, id, roles, unlessRoles, true);
        }

        /** Whether a person holding these roles sees the entry. */
        public boolean shownTo(Set<String> held) {
            return (roles.isEmpty() || roles.stream().anyMatch(held::contains)) && unlessRoles.stream().noneMatch(held::contains);
        }
    }
}
