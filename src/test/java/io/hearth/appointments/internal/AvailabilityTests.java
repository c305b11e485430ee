package io.hearth.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvailabilityTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Duration UNIT = Duration.ofMinutes(15);
    static final UUID DOCTOR = UUID.randomUUID();
    static final UUID CLINIC = UUID.randomUUID();

    static WeeklyHours hours(DayOfWeek day, String from, String to) {
        return new WeeklyHours(UUID.randomUUID(), DOCTOR, CLINIC, day, LocalTime.parse(from), LocalTime.parse(to));
    }

    static List<String> localStarts(List<Availability.Slot> slots) {
        return slots.stream().map(s -> s.start().atZone(NEW_YORK).toLocalDateTime() + " " + s.start().atZone(NEW_YORK).getOffset()).toList();
    }

    @Test
    void nineOClockStaysNineOClockAcrossTheSpringChange() {
        // 2027-03-14 (a Sunday) clocks go from 02:00 EST to 03:00 EDT
        Availability week = Availability.of(List.of(hours(DayOfWeek.FRIDAY, "09:00", "10:00"), hours(DayOfWeek.MONDAY, "09:00", "10:00")), List.of(),
                LocalDate.parse("2027-03-12"), LocalDate.parse("2027-03-15"), NEW_YORK, UNIT);
        List<Availability.Slot> slots = week.freeSlots(Duration.ofMinutes(30), Instant.EPOCH, null, Set.of());
        assertThat(localStarts(slots)).containsExactly("2027-03-12T09:00 -05:00", "2027-03-12T09:30 -05:00", "2027-03-15T09:00 -04:00",
                "2027-03-15T09:30 -04:00");
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2027-03-12T14:00:00Z"));
        assertThat(slots.get(2).start()).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
    }

    @Test
    void theMissingHourHasNoSlotsAndTheRepeatedHourHasTwice() {
        Availability spring = Availability.of(List.of(hours(DayOfWeek.SUNDAY, "01:00", "04:00")), List.of(), LocalDate.parse("2027-03-14"),
                LocalDate.parse("2027-03-14"), NEW_YORK, UNIT);
        assertThat(localStarts(spring.freeSlots(Duration.ofMinutes(30), Instant.EPOCH, null, Set.of()))).containsExactly("2027-03-14T01:00 -05:00",
                "2027-03-14T01:30 -05:00", "2027-03-14T03:00 -04:00", "2027-03-14T03:30 -04:00");

        // 2027-11-07: 02:00 EDT becomes 01:00 EST, so 01:00-02:00 happens twice
        Availability fall = Availability.of(List.of(hours(DayOfWeek.SUNDAY, "01:00", "03:00")), List.of(), LocalDate.parse("2027-11-07"),
                LocalDate.parse("2027-11-07"), NEW_YORK, UNIT);
        assertThat(localStarts(fall.freeSlots(Duration.ofMinutes(30), Instant.EPOCH, null, Set.of()))).containsExactly("2027-11-07T01:00 -04:00",
                "2027-11-07T01:30 -04:00", "2027-11-07T01:00 -05:00", "2027-11-07T01:30 -05:00", "2027-11-07T02:00 -05:00",
                "2027-11-07T02:30 -05:00");
    }

    @Test
    void timeOffAndClaimedUnitsRemoveSlots() {
        LocalDate monday = LocalDate.parse("2027-06-07");
        List<TimeOff> off = List.of(new TimeOff(UUID.randomUUID(), DOCTOR, monday, monday, LocalTime.of(10, 0), LocalTime.of(11, 0), "meeting"),
                new TimeOff(UUID.randomUUID(), DOCTOR, monday.plusDays(1), monday.plusDays(1), null, null, "holiday"));
        Availability days = Availability.of(List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00"), hours(DayOfWeek.TUESDAY, "09:00", "12:00")), off,
                monday, monday.plusDays(1), NEW_YORK, UNIT);
        Instant nine = ZonedDateTime.of(monday, LocalTime.of(9, 15), NEW_YORK).toInstant();
        List<Availability.Slot> slots = days.freeSlots(Duration.ofMinutes(30), Instant.EPOCH, null, Set.of(nine));
        assertThat(localStarts(slots)).containsExactly("2027-06-07T09:30 -04:00", "2027-06-07T11:00 -04:00", "2027-06-07T11:30 -04:00");
        assertThat(days.windowFor(ZonedDateTime.of(monday, LocalTime.of(10, 30), NEW_YORK).toInstant(),
                ZonedDateTime.of(monday, LocalTime.of(11, 0), NEW_YORK).toInstant())).as("inside the time off").isNull();
        assertThat(days.windowFor(ZonedDateTime.of(monday, LocalTime.of(9, 5), NEW_YORK).toInstant(),
                ZonedDateTime.of(monday, LocalTime.of(9, 35), NEW_YORK).toInstant())).as("off the 15-minute grid").isNull();
        assertThat(days.windowFor(ZonedDateTime.of(monday, LocalTime.of(11, 45), NEW_YORK).toInstant(),
                ZonedDateTime.of(monday, LocalTime.of(12, 15), NEW_YORK).toInstant())).as("runs past the hours").isNull();
        assertThat(days.units(nine, nine.plus(Duration.ofMinutes(45)))).hasSize(3);
    }
}
