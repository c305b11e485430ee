package io.hearth.appointments.web;

import io.hearth.identity.PageRules;
import io.hearth.identity.Role;
import io.hearth.system.MenuEntries.Entry;
import io.hearth.system.MenuEntries.Group;
import io.hearth.system.MenuEntries;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** Appointments' pages: the schedule for clinicians and front desk, the practice's set-up for front desk and administrators, and its menu entries. */
@Component
class AppointmentsWebSurface implements PageRules, MenuEntries {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.roles(EnumSet.of(Role.PROVIDER, Role.NURSE, Role.FRONT_DESK), "/staff/schedule", "/staff/appointments", "/staff/appointments/**"),
                Rule.roles(EnumSet.of(Role.FRONT_DESK, Role.ADMIN), "/staff/scheduling", "/staff/scheduling/**"));
    }

    @Override
    public List<Entry> entries() {
        return List.of(
                Entry.of(Group.APPOINTMENTS, 80, "/my/appointments", "nav.appointments", "PATIENT"),
                Entry.of(Group.APPOINTMENTS, 90, "/staff/schedule", "nav.schedule", "PROVIDER", "NURSE", "FRONT_DESK"),
                Entry.of(Group.ADMINISTRATION, 100, "/staff/scheduling", "nav.schedulingSetup", "ADMIN", "FRONT_DESK"));
    }
}
