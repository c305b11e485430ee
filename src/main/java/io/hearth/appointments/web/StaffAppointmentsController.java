package io.hearth.appointments.web;

import io.hearth.appointments.internal.AppointmentView;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.appointments.internal.Schedules;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practice's schedule for front desk staff, providers and nurses ({@code /staff/schedule}, {@code /staff/appointments/**}
 * in WebSecurity): day and week views per provider and location, requests to answer, booking for a patient, check-in,
 * no-show, and cancelling with a reason the patient sees. Which appointments and patients a person may see is decided
 * by the services (front desk: all; clinicians: their own and their care team's).
 */
@Controller
class StaffAppointmentsController {

    private final AppointmentPages pages;
    private final Schedules schedules;
    private final Bookings bookings;
    private final PracticeSetup setup;

    StaffAppointmentsController(AppointmentPages pages, Schedules schedules, Bookings bookings, PracticeSetup setup) {
        this.pages = pages;
        this.schedules = schedules;
        this.bookings = bookings;
        this.setup = setup;
    }

    @GetMapping("/staff/schedule")
    String schedule(@RequestParam(required = false) String provider, @RequestParam(required = false) String location,
            @RequestParam(required = false) String day, @RequestParam(required = false) String view, Authentication authentication, Model model,
            Locale locale) {
        Caller staff = pages.person(authentication);
        boolean week = "week".equals(view);
        LocalDate from = Params.date(day) == null ? schedules.today() : Params.date(day);
        if (week) {
            from = from.minusDays(from.getDayOfWeek().getValue() - 1L);
        }
        LocalDate to = week ? from.plusDays(6) : from;
        UUID chosenProvider = Params.uuid(provider) != null ? Params.uuid(provider)
                : staff.practitionerId() != null && setup.providers().containsKey(staff.practitionerId()) && !staff.holds(Role.FRONT_DESK) ? staff.practitionerId() : null;
        UUID chosenLocation = Params.uuid(location);
        List<AppointmentView> appointments = schedules.schedule(staff, chosenProvider, chosenLocation, from, to);
        Map<LocalDate, List<AppointmentView>> byDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate date = d;
            byDay.put(d, appointments.stream().filter(a -> a.starts().toLocalDate().equals(date)).collect(Collectors.toList()));
        }
        model.addAttribute("byDay", byDay);
        model.addAttribute("week", week);
        model.addAttribute("from", from);
        model.addAttribute("previous", from.minus(1, week ? ChronoUnit.WEEKS : ChronoUnit.DAYS));
        model.addAttribute("next", from.plus(1, week ? ChronoUnit.WEEKS : ChronoUnit.DAYS));
        model.addAttribute("providers", setup.providers());
        model.addAttribute("locations", setup.locations());
        model.addAttribute("chosenProvider", chosenProvider);
        model.addAttribute("chosenLocation", chosenLocation);
        model.addAttribute("format", pages.format(locale));
        return "appointments/schedule";
    }

    @GetMapping("/staff/appointments/requests")
    String requests(Authentication authentication, Model model, Locale locale) {
        model.addAttribute("requests", schedules.pending(pages.person(authentication)));
        model.addAttribute("format", pages.format(locale));
        return "appointments/requests";
    }

    @GetMapping("/staff/appointments/book")
    String book(@RequestParam(required = false) String q, @RequestParam(required = false) String patient, @RequestParam(required = false) String type,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String from, Authentication authentication, Model model,
            Locale locale) {
        Caller staff = pages.person(authentication);
        UUID chosen = Params.uuid(patient);
        model.addAttribute("q", q);
        model.addAttribute("found", chosen == null ? schedules.findPatients(staff, q) : List.of());
        String name = chosen == null ? null : schedules.patientName(staff, chosen);
        return pages.bookingForm(staff, chosen, Params.uuid(type), Params.uuid(provider), Params.date(from), null, name, model, locale,
                "/staff/appointments");
    }

    @PostMapping("/staff/appointments")
    String booked(@RequestParam(required = false) String patient, @RequestParam(required = false) String type,
            @RequestParam(required = false) String provider, @RequestParam(required = false) String start, @RequestParam(required = false) String reason,
            Authentication authentication, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Caller staff = pages.person(authentication);
        UUID chosen = Params.uuid(patient);
        String name = chosen == null ? null : schedules.patientName(staff, chosen);
        Instant at = Params.instant(start);
        try {
            if (chosen == null || at == null) {
                throw new BookingRefusedException(chosen == null ? "appointments.refused.noPatient" : "appointments.refused.noTime");
            }
            UUID id = bookings.book(staff, chosen, Params.uuid(type), Params.uuid(provider), at, reason);
            redirect.addFlashAttribute("done", "appointments.done.booked");
            return "redirect:/staff/appointments/" + id;
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            model.addAttribute("typedReason", reason);
            model.addAttribute("found", List.of());
            return pages.bookingForm(staff, chosen, Params.uuid(type), Params.uuid(provider), at == null ? null : at.atZone(schedules.zone()).toLocalDate(),
                    null, name, model, locale, "/staff/appointments");
        }
    }

    @GetMapping("/staff/appointments/{id}")
    String one(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        model.addAttribute("appointment", schedules.one(pages.person(authentication), id));
        model.addAttribute("format", pages.format(locale));
        return "appointments/staff-detail";
    }

    @PostMapping("/staff/appointments/{id}/check-in")
    String checkIn(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, authentication, model, locale, response, redirect, "appointments.done.checkedIn", staff -> bookings.checkIn(staff, id));
    }

    @PostMapping("/staff/appointments/{id}/no-show")
    String noShow(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, authentication, model, locale, response, redirect, "appointments.done.noShow", staff -> bookings.noShow(staff, id));
    }

    @PostMapping("/staff/appointments/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("typedCancelReason", reason);
        return act(id, authentication, model, locale, response, redirect, "appointments.done.cancelled", staff -> bookings.cancel(staff, id, reason));
    }

    @PostMapping("/staff/appointments/{id}/approve")
    String approve(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, authentication, model, locale, response, redirect, "appointments.done.approved", staff -> bookings.confirm(staff, id));
    }

    @PostMapping("/staff/appointments/{id}/propose")
    String propose(@PathVariable UUID id, @RequestParam(required = false) String start, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("typedProposal", start);
        return act(id, authentication, model, locale, response, redirect, "appointments.done.proposed", staff -> {
            Instant at = Params.localTime(start, schedules.zone());
            if (at == null) {
                throw new BookingRefusedException("appointments.refused.noTime");
            }
            bookings.propose(staff, id, at);
        });
    }

    private String act(UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect,
            String done, Consumer<Caller> action) {
        try {
            action.accept(pages.person(authentication));
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/appointments/" + id;
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            return one(id, authentication, model, locale);
        }
    }
}
