package io.hearth.appointments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;

/**
 * An appointment as an iCalendar file (RFC 5545) for the patient's own calendar. Times are written in UTC, which every
 * calendar shows in its own zone, so no time-zone definitions are needed; the file names the provider and place (the
 * patient downloads it over TLS from their own page) but never the reason for the visit.
 */
final class CalendarFile {

    private CalendarFile() {
    }

    static byte[] of(AppointmentView appointment, String practiceName, java.time.Instant now) {
        String place = appointment.locationName() + (appointment.locationAddress() == null ? "" : ", " + appointment.locationAddress());
        VEvent event = new VEvent(appointment.starts().toInstant(), appointment.ends().toInstant(),
                appointment.typeName() + " with " + appointment.providerName());
        event.replace(new DtStamp(now));
        event.add(new Uid(appointment.id() + "@hearth"));
        event.add(new net.fortuna.ical4j.model.property.Location(place));
        event.add(new Description(practiceName + ": sign in to your patient portal to change or cancel this appointment."));
        Calendar calendar = new Calendar().withProdId("-//Hearth//Appointments//EN").withDefaults().withComponent(event).getFluentTarget();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
