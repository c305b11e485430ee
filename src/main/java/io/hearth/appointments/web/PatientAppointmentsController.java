package io.hearth.appointments.web;

import io.hearth.appointments.internal.AppointmentView;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.Schedules;
import io.hearth.appointments.internal.WaitList;
import io.hearth.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's appointments ({@code /my/**}, role PATIENT): the list, booking or requesting a time, moving and
 * cancelling within the rules, accepting a proposed time, the wait list and its offers, and a calendar file. Another
 * patient's appointment or offer answers 404, audited by the services.
 */
@Controller
class PatientAppointmentsController {

    private final AppointmentPages pages;
    private final Schedules schedules;
    private final Bookings bookings;
    private final WaitList waitList;

    PatientAppointmentsController(AppointmentPages pages, Schedules schedules, Bookings bookings, WaitList waitList) {
        this.pages = pages;
        this.schedules = schedules;
        this.bookings = bookings;
        this.waitList = waitList;
    }

    @GetMapping("/my/appointments")
    String list(Authentication authentication, Model model, Locale locale) {
        Caller patient = pages.person(authentication);
        java.util.List<AppointmentView> all = schedules.ofPatient(patient);
        model.addAttribute("upcoming", all.stream().filter(a -> !a.past()).toList());
        java.util.List<AppointmentView> past = new java.util.ArrayList<>(all.stream().filter(AppointmentView::past).toList());
        java.util.Collections.reverse(past);
        model.addAttribute("past", past);
        model.addAttribute("offers", patient.isPatient() ? waitList.openOffers(patient) : java.util.List.of());
        model.addAttribute("hasRecord", patient.isPatient());
        model.addAttribute("format", pages.format(locale));
        return "appointments/list";
    }

    @GetMapping("/my/appointments/book")
    String book(@RequestParam(required = false) String type, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String from, @RequestParam(required = false) String reschedule, Authentication authentication,
            Model model, Locale locale) {
        Caller patient = pages.person(authentication);
        return pages.bookingForm(patient, patient.patientId(), Params.uuid(type), Params.uuid(provider), Params.date(from),
                reschedule(patient, reschedule), null, model, locale, "/my/appointments");
    }

    @PostMapping("/my/appointments")
    String booked(@RequestParam(required = false) String type, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String start, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String reschedule, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        Caller patient = pages.person(authentication);
        AppointmentView moving = reschedule(patient, reschedule);
        Instant at = Params.instant(start);
        try {
            if (at == null) {
                throw new BookingRefusedException("appointments.refused.noTime");
            }
            UUID id;
            if (moving != null) {
                bookings.move(patient, moving.id(), at);
                id = moving.id();
            } else {
                id = bookings.book(patient, patient.patientId(), Params.uuid(type), Params.uuid(provider), at, reason);
            }
            redirect.addFlashAttribute("done", moving != null ? "appointments.done.moved" : "appointments.done.booked");
            return "redirect:/my/appointments/" + id;
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            model.addAttribute("typedReason", reason);
            LocalDate week = at == null ? null : at.atZone(schedules.zone()).toLocalDate();
            return pages.bookingForm(patient, patient.patientId(), moving != null ? moving.typeId() : Params.uuid(type),
                    moving != null ? moving.practitionerId() : Params.uuid(provider), week, moving, null, model, locale, "/my/appointments");
        }
    }

    @GetMapping("/my/appointments/{id}")
    String one(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        Caller patient = pages.person(authentication);
        model.addAttribute("appointment", schedules.one(patient, id));
        model.addAttribute("format", pages.format(locale));
        return "appointments/detail";
    }

    @PostMapping("/my/appointments/{id}/cancel")
    String cancel(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, authentication, model, locale, response, redirect, "appointments.done.cancelled",
                person -> bookings.cancel(person, id, null));
    }

    @PostMapping("/my/appointments/{id}/accept")
    String accept(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, authentication, model, locale, response, redirect, "appointments.done.accepted", person -> bookings.confirm(person, id));
    }

    @PostMapping("/my/appointments/{id}/wait-list")
    String waitList(@PathVariable UUID id, @RequestParam(required = false) String leave, Authentication authentication, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        boolean leaving = leave != null;
        return act(id, authentication, model, locale, response, redirect, leaving ? "appointments.done.leftWaitList" : "appointments.done.joinedWaitList",
                person -> {
                    if (leaving) {
                        waitList.leave(person, id);
                    } else {
                        waitList.join(person, id);
                    }
                });
    }

    @GetMapping("/my/appointments/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable UUID id, Authentication authentication) {
        byte[] file = pages.calendarFile(pages.person(authentication), id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"").body(file);
    }

    @GetMapping("/my/appointments/offers/{id}")
    String offer(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        Caller patient = pages.person(authentication);
        WaitList.Offer offer = waitList.offer(patient, id);
        model.addAttribute("offer", offer);
        model.addAttribute("appointment", schedules.one(patient, offer.appointmentId()));
        model.addAttribute("offeredAt", offer.startsAt().atZone(schedules.zone()));
        model.addAttribute("format", pages.format(locale));
        return "appointments/offer";
    }

    @PostMapping("/my/appointments/offers/{id}")
    String acceptOffer(@PathVariable UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller patient = pages.person(authentication);
        WaitList.Offer offer = waitList.offer(patient, id);
        try {
            waitList.accept(patient, id);
            redirect.addFlashAttribute("done", "appointments.done.moved");
            return "redirect:/my/appointments/" + offer.appointmentId();
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            return offer(id, authentication, model, locale);
        }
    }

    private String act(UUID id, Authentication authentication, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect,
            String done, java.util.function.Consumer<Caller> action) {
        Caller patient = pages.person(authentication);
        try {
            action.accept(patient);
            redirect.addFlashAttribute("done", done);
            return "redirect:/my/appointments/" + id;
        } catch (BookingRefusedException refused) {
            pages.refused(refused, model, response);
            return one(id, authentication, model, locale);
        }
    }

    /** The appointment being moved, if any (404 audited when it is not the patient's). */
    private AppointmentView reschedule(Caller patient, String id) {
        UUID moving = Params.uuid(id);
        return moving == null ? null : schedules.one(patient, moving);
    }
}
