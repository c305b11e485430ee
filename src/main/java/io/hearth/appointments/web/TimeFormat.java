package io.hearth.appointments.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/** How appointment pages write dates and times: in the practice's zone, with the zone's short name on every time. */
public final class TimeFormat {

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter day;
    private final DateTimeFormatter time;

    TimeFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    /** "Eastern Time (America/New_York)": named once at the top of each page. */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId() + ")";
    }

    public String day(LocalDate date) {
        return day.format(date);
    }

    public String day(ZonedDateTime when) {
        return day.format(when.withZoneSameInstant(zone));
    }

    /** "9:00 AM EDT": the abbreviation tells the two 1:30 AMs of a fall-back night apart. */
    public String time(ZonedDateTime when) {
        ZonedDateTime local = when.withZoneSameInstant(zone);
        return time.format(local) + " " + DateTimeFormatter.ofPattern("zzz", locale).format(local);
    }

    public String full(ZonedDateTime when) {
        return day(when) + ", " + time(when);
    }

    public String full(java.time.Instant when) {
        return full(when.atZone(zone));
    }

    /** For {@code <input type="datetime-local">}. */
    public String inputValue(ZonedDateTime when) {
        return when.withZoneSameInstant(zone).toLocalDateTime().withSecond(0).withNano(0).toString();
    }
}
