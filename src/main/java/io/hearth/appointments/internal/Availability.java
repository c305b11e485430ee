package io.hearth.appointments.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One provider's working time over some days, as instants: weekly hours turned into windows day by day in the
 * practice's zone, less their time off. Computed per day in local time, so hours stay put across daylight-saving
 * changes; a day that loses an hour simply has a shorter window, one that gains an hour a longer one.
 */
final class Availability {

    /** A stretch of working time at one location. */
    record Window(Instant start, Instant end, UUID locationId) {
    }

    /** A free time for an appointment. */
    record Slot(Instant start, Instant end, UUID locationId) {
    }

    private final List<Window> windows;
    private final Duration unit;

    private Availability(List<Window> windows, Duration unit) {
        this.windows = windows;
        this.unit = unit;
    }

    static Availability of(Collection<WeeklyHours> hours, Collection<TimeOff> timeOff, LocalDate from, LocalDate to, ZoneId zone, Duration unit) {
        List<Window> windows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate today = day;
            if (timeOff.stream().anyMatch(off -> off.wholeDays() && off.covers(today))) {
                continue;
            }
            for (WeeklyHours h : hours) {
                if (h.day() != day.getDayOfWeek()) {
                    continue;
                }
                List<Window> pieces = List.of(new Window(day.atTime(h.starts()).atZone(zone).toInstant(), day.atTime(h.ends()).atZone(zone).toInstant(),
                        h.locationId()));
                for (TimeOff off : timeOff) {
                    if (!off.wholeDays() && off.covers(day)) {
                        pieces = without(pieces, day.atTime(off.starts()).atZone(zone).toInstant(), day.atTime(off.ends()).atZone(zone).toInstant());
                    }
                }
                windows.addAll(pieces);
            }
        }
        windows.sort(java.util.Comparator.comparing(Window::start));
        return new Availability(List.copyOf(windows), unit);
    }

    private static List<Window> without(List<Window> pieces, Instant start, Instant end) {
        List<Window> left = new ArrayList<>();
        for (Window w : pieces) {
            if (!end.isAfter(w.start()) || !start.isBefore(w.end())) {
                left.add(w);
                continue;
            }
            if (start.isAfter(w.start())) {
                left.add(new Window(w.start(), start, w.locationId()));
            }
            if (end.isBefore(w.end())) {
                left.add(new Window(end, w.end(), w.locationId()));
            }
        }
        return left;
    }

    /**
     * Free times of this length starting after {@code notBefore}, stepping by the length through each window (at
     * {@code location}, or any when null), skipping times that overlap a claimed unit.
     */
    List<Slot> freeSlots(Duration length, Instant notBefore, UUID location, Set<Instant> claimedUnits) {
        List<Slot> slots = new ArrayList<>();
        for (Window w : windows) {
            if (location != null && !location.equals(w.locationId())) {
                continue;
            }
            for (Instant start = w.start(); !start.plus(length).isAfter(w.end()); start = start.plus(length)) {
                if (start.isAfter(notBefore) && aligned(start) && units(start, start.plus(length)).stream().noneMatch(claimedUnits::contains)) {
                    slots.add(new Slot(start, start.plus(length), w.locationId()));
                }
            }
        }
        return slots;
    }

    /** The window in which an appointment from start to end fits on the unit grid; null when it falls outside the hours. */
    Window windowFor(Instant start, Instant end) {
        if (!aligned(start)) {
            return null;
        }
        return windows.stream().filter(w -> !start.isBefore(w.start()) && !end.isAfter(w.end())).findFirst().orElse(null);
    }

    private boolean aligned(Instant start) {
        return start.getNano() == 0 && start.getEpochSecond() % unit.toSeconds() == 0;
    }

    /** The starts of the slot units from start (inclusive) to end (exclusive): what a booking claims. */
    List<Instant> units(Instant start, Instant end) {
        return unitsOf(start, end, unit);
    }

    static List<Instant> unitsOf(Instant start, Instant end, Duration unit) {
        List<Instant> units = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(unit)) {
            units.add(t);
        }
        return units;
    }
}
