package io.hearth.medications.web;

import io.hearth.medications.internal.MedicationsProperties;
import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** What the patient's and the staff's pages share: dates and times in the practice's zone, the forms' limits. */
@Component
class MedicationPages {

    private final HearthProperties hearth;
    private final MedicationsProperties settings;

    MedicationPages(HearthProperties hearth, MedicationsProperties settings) {
        this.hearth = hearth;
        this.settings = settings;
    }

    /** The lengths and ranges the forms accept (the hints say them, the service enforces them). */
    MedicationsProperties limits() {
        return settings;
    }

    /** Formats for the page's locale; null instants show as nothing. */
    record Dates(DateTimeFormatter dateFormat, DateTimeFormatter timeFormat, String zone) {

        public String date(Instant instant) {
            return instant == null ? "" : dateFormat.format(instant);
        }

        public String time(Instant instant) {
            return instant == null ? "" : timeFormat.format(instant);
        }
    }

    Dates dates(Locale locale) {
        return new Dates(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(hearth.timeZone()),
                hearth.dateTimeFormat(locale),
                hearth.timeZone().getId());
    }
}
