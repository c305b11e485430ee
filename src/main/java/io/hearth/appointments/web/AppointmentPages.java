package io.hearth.appointments.web;

import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.AppointmentView;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.CalendarExport;
import io.hearth.appointments.internal.Schedules;
import io.hearth.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the patient and staff appointment pages share: who is asking, time formatting, refusals, the booking form. */
@Component
class AppointmentPages {

    static final String VIEW_BOOK = "appointments/book";

    private final AppointmentAccess access;
    private final Schedules schedules;
    private final CalendarExport calendar;

    AppointmentPages(AppointmentAccess access, Schedules schedules, CalendarExport calendar) {
        this.access = access;
        this.schedules = schedules;
        this.calendar = calendar;
    }

    Caller person(Authentication authentication) {
        return access.person(authentication);
    }

    TimeFormat format(Locale locale) {
        return new TimeFormat(schedules.zone(), locale);
    }

    /** Shows the refusal's reason: 409 when someone else took the time, 400 otherwise. */
    void refused(BookingRefusedException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.key().equals("appointments.refused.taken") || refused.key().equals("appointments.refused.offerTaken") ? 409 : 400);
        model.addAttribute("error", refused.key());
        model.addAttribute("errorArgs", refused.args());
    }

    /**
     * The booking page: the types and providers to choose from and, once both are chosen, the week's free times.
     *
     * @param moving the appointment being moved (its type and provider are fixed), or null for a new booking
     * @param patientName shown to staff booking for a patient; null for the patient themselves
     */
    String bookingForm(Caller who, UUID patient, UUID type, UUID provider, LocalDate from, AppointmentView moving, String patientName, Model model,
            Locale locale, String action) {
        LocalDate today = schedules.today();
        LocalDate week = from == null || from.isBefore(today) ? today : from;
        model.addAttribute("format", format(locale));
        model.addAttribute("action", action);
        model.addAttribute("patientId", patient);
        model.addAttribute("patientName", patientName);
        model.addAttribute("moving", moving);
        UUID chosenType = moving != null ? moving.typeId() : type;
        UUID chosenProvider = moving != null ? moving.practitionerId() : provider;
        List<Schedules.Choice> choices = patient == null ? List.of() : schedules.choices(who, patient);
        model.addAttribute("choices", choices);
        model.addAttribute("chosenType", chosenType);
        model.addAttribute("chosenProvider", chosenProvider);
        model.addAttribute("from", week);
        String bookPath = action + "/book";
        model.addAttribute("bookPath", bookPath);
        model.addAttribute("previousWeekLink", week.minusDays(7).isBefore(today) ? null : weekLink(bookPath, chosenType, chosenProvider, week.minusDays(7), moving, patientName == null ? null : patient));
        model.addAttribute("nextWeekLink", weekLink(bookPath, chosenType, chosenProvider, week.plusDays(7), moving, patientName == null ? null : patient));
        if (patient != null && chosenType != null && chosenProvider != null) {
            try {
                model.addAttribute("days", schedules.freeWeek(who, patient, chosenType, chosenProvider, week));
                choices.stream().filter(c -> c.type().id().equals(chosenType)).findFirst().ifPresent(c -> {
                    model.addAttribute("type", c.type());
                    model.addAttribute("providerName", c.providers().get(chosenProvider));
                });
            } catch (BookingRefusedException refused) {
                if (!model.containsAttribute("error")) {
                    model.addAttribute("error", refused.key());
                    model.addAttribute("errorArgs", refused.args());
                }
            }
        }
        return VIEW_BOOK;
    }

    private static String weekLink(String path, UUID type, UUID provider, LocalDate from, AppointmentView moving, UUID patient) {
        org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        if (patient != null) {
            link.queryParam("patient", patient);
        }
        if (moving != null) {
            link.queryParam("reschedule", moving.id());
        } else {
            link.queryParam("type", type).queryParam("provider", provider);
        }
        return link.queryParam("from", from).toUriString();
    }

    byte[] calendarFile(Caller who, UUID id) {
        return calendar.of(who, id);
    }
}
