package io.hearth.appointments.web;

import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.Schedules;
import io.hearth.appointments.internal.WaitList;
import io.hearth.identity.Caller;
import io.hearth.system.HomePageContent;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A patient's home page names their next appointment (the read is audited) and any earlier time offered to them. */
@Component
class NextAppointmentOnTheHomePage implements HomePageContent {

    private final AppointmentAccess access;
    private final Schedules schedules;
    private final WaitList waitList;

    NextAppointmentOnTheHomePage(AppointmentAccess access, Schedules schedules, WaitList waitList) {
        this.access = access;
        this.schedules = schedules;
        this.waitList = waitList;
    }

    @Override
    public void addTo(Authentication person, Model model) {
        if (!HomePageContent.isPatient(person)) {
            return;
        }
        Caller patient = access.person(person);
        if (!patient.isPatient()) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        schedules.ofPatient(patient).stream().filter(a -> !a.past()).findFirst().ifPresent(next -> {
            model.addAttribute("nextAppointment", next);
            model.addAttribute("nextAppointmentWhen", new TimeFormat(schedules.zone(), locale).full(next.starts()));
        });
        model.addAttribute("appointmentOffers", waitList.openOffers(patient).size());
    }
}
