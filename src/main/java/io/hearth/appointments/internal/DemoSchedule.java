package io.hearth.appointments.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: once the demo provider is linked to a practitioner (by the demo records, which run first), a
 * practice with no scheduling set-up gets one location, three appointment types and weekday hours for that provider,
 * so the demo patient can book at once.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "hearth.demo.enabled", havingValue = "true")
class DemoSchedule {

    private final PracticeSetup setup;
    private final Accounts accounts;

    DemoSchedule(PracticeSetup setup, Accounts accounts) {
        this.setup = setup;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void setUpOnFirstStart() {
        UUID provider = accounts.practitionerOf("demo.provider").orElse(null);
        if (provider == null || !setup.locations().isEmpty()) {
            return;
        }
        Caller demo = Caller.system("demo-schedule");
        UUID clinic = setup.saveLocation(demo, null, "Main clinic", "1 Demo Street", true);
        setup.saveType(demo, null, "Follow-up visit", 30, Booking.DIRECT, false, 90, 24, true);
        setup.saveType(demo, null, "New patient visit", 60, Booking.DIRECT, true, 120, 48, true);
        setup.saveType(demo, null, "Annual physical", 45, Booking.REQUEST, false, 180, 24, true);
        for (DayOfWeek day : new DayOfWeek[] { DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY }) {
            setup.addHours(demo, provider, clinic, day, LocalTime.of(9, 0), LocalTime.of(12, 0));
            setup.addHours(demo, provider, clinic, day, LocalTime.of(13, 0), LocalTime.of(17, 0));
        }
    }
}
