package io.hearth.audit.web;

import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.List;
import org.springframework.stereotype.Component;

/** The audit trail's menu entry (its pages are in the security officer's /audit area). */
@Component
class AuditWebSurface implements MenuEntries {

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.SECURITY, 160, "/audit", "nav.audit", "SECURITY_OFFICER"));
    }
}
