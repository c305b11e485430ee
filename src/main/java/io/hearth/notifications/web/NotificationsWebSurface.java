package io.hearth.notifications.web;

import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.List;
import org.springframework.stereotype.Component;

/** The email notices' menu entry (its page is in the administrators' /admin area). */
@Component
class NotificationsWebSurface implements MenuEntries {

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.ADMINISTRATION, 220, "/admin/notices", "nav.notices", "ADMIN"));
    }
}
