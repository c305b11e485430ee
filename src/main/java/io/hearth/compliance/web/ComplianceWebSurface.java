package io.hearth.compliance.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Compliance's pages: break-glass for clinicians (the review and alerts are in the security officer's /security area), and its menu entries. */
@Component
class ComplianceWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.roles(EnumSet.of(Role.PROVIDER, Role.NURSE), "/staff/break-glass"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.SECURITY, 170, "/security/break-glass", "nav.breakGlassReview", "SECURITY_OFFICER"),
                Entry.of(Group.SECURITY, 180, "/security/alerts", "nav.securityAlerts", "SECURITY_OFFICER"));
    }
}
