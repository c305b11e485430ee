package io.hearth.announcements.web;

import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.List;
import org.springframework.stereotype.Component;

/** The announcements' menu entry (its page is in the administrators' /admin area). */
@Component
class AnnouncementsWebSurface implements MenuEntries {

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.ADMINISTRATION, 210, "/admin/announcements", "nav.announcements", "ADMIN"));
    }
}
