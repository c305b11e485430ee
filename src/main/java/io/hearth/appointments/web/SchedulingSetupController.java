package io.hearth.appointments.web;

import io.hearth.appointments.internal.Booking;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.appointments.internal.Schedules;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practice's scheduling set-up for front desk staff and administrators ({@code /staff/scheduling/**} in
 * WebSecurity): locations, appointment types, and each provider's weekly hours and time off. A refused value is shown
 * with its reason, and what was typed is kept.
 */
@Controller
class SchedulingSetupController {

    private static final String BASE = "/staff/scheduling";

    private final AppointmentPages pages;
    private final PracticeSetup setup;
    private final Schedules schedules;

    SchedulingSetupController(AppointmentPages pages, PracticeSetup setup, Schedules schedules) {
        this.pages = pages;
        this.setup = setup;
        this.schedules = schedules;
    }

    @GetMapping(BASE)
    String overview(Model model) {
        model.addAttribute("locations", setup.locations());
        model.addAttribute("types", setup.types());
        model.addAttribute("providers", setup.providers());
        model.addAttribute("slotMinutes", setup.slotMinutes());
        model.addAttribute("zone", schedules.zone().getId());
        return "appointments/setup";
    }

    @PostMapping(BASE + "/locations")
    String location(@RequestParam Map<String, String> form, Authentication authentication, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return saved(form, model, response, redirect, BASE, () -> setup.saveLocation(pages.person(authentication), Params.uuid(form.get("id")),
                form.get("name"), form.get("address"), !"false".equals(form.get("active"))), this::overview);
    }

    @PostMapping(BASE + "/types")
    String type(@RequestParam Map<String, String> form, Authentication authentication, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return saved(form, model, response, redirect, BASE, () -> setup.saveType(pages.person(authentication), Params.uuid(form.get("id")),
                form.get("name"), Params.number(form.get("minutes"), -1), booking(form.get("booking")), "true".equals(form.get("newPatients")),
                Params.number(form.get("horizonDays"), -1), Params.number(form.get("cancelCutoffHours"), -1), !"false".equals(form.get("active"))),
                this::overview);
    }

    @GetMapping(BASE + "/providers/{practitioner}")
    String provider(@PathVariable UUID practitioner, Model model, Locale locale) {
        String name = setup.providers().get(practitioner);
        if (name == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("practitioner", practitioner);
        model.addAttribute("providerName", name);
        model.addAttribute("hours", setup.hours(practitioner));
        model.addAttribute("timeOff", setup.timeOff(practitioner, schedules.today()));
        model.addAttribute("locations", setup.locations().stream().filter(l -> l.active()).toList());
        model.addAttribute("days", java.time.DayOfWeek.values());
        model.addAttribute("slotMinutes", setup.slotMinutes());
        model.addAttribute("format", pages.format(locale));
        return "appointments/setup-provider";
    }

    @PostMapping(BASE + "/providers/{practitioner}/hours")
    String addHours(@PathVariable UUID practitioner, @RequestParam Map<String, String> form, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return saved(form, model, response, redirect, BASE + "/providers/" + practitioner, () -> setup.addHours(pages.person(authentication), practitioner,
                Params.uuid(form.get("location")), Params.day(form.get("day")), Params.time(form.get("starts")), Params.time(form.get("ends"))),
                m -> provider(practitioner, m, locale));
    }

    @PostMapping(BASE + "/providers/{practitioner}/hours/{id}/remove")
    String removeHours(@PathVariable UUID practitioner, @PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        setup.removeHours(pages.person(authentication), practitioner, id);
        redirect.addFlashAttribute("done", "appointments.setup.done");
        return "redirect:" + BASE + "/providers/" + practitioner;
    }

    @PostMapping(BASE + "/providers/{practitioner}/time-off")
    String addTimeOff(@PathVariable UUID practitioner, @RequestParam Map<String, String> form, Authentication authentication, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        String page = saved(form, model, response, redirect, BASE + "/providers/" + practitioner, () -> setup.addTimeOff(pages.person(authentication),
                practitioner, Params.date(form.get("firstDay")), Params.date(form.get("lastDay")), Params.time(form.get("starts")),
                Params.time(form.get("ends")), form.get("reason")), m -> provider(practitioner, m, locale));
        if (page.startsWith("redirect:")) {
            long booked = setup.bookedDuring(practitioner, Params.date(form.get("firstDay")), Params.date(form.get("lastDay")),
                    Params.time(form.get("starts")), Params.time(form.get("ends")));
            if (booked > 0) {
                redirect.addFlashAttribute("bookedDuringTimeOff", booked);
            }
        }
        return page;
    }

    @PostMapping(BASE + "/providers/{practitioner}/time-off/{id}/remove")
    String removeTimeOff(@PathVariable UUID practitioner, @PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        setup.removeTimeOff(pages.person(authentication), practitioner, id);
        redirect.addFlashAttribute("done", "appointments.setup.done");
        return "redirect:" + BASE + "/providers/" + practitioner;
    }

    private static Booking booking(String value) {
        try {
            return value == null ? null : Booking.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String saved(Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect, String back,
            Runnable save, java.util.function.Function<Model, String> page) {
        try {
            save.run();
            redirect.addFlashAttribute("done", "appointments.setup.done");
            return "redirect:" + back;
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            model.addAttribute("typed", form);
            return page.apply(model);
        }
    }
}
