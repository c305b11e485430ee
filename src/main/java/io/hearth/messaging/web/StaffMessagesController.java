package io.hearth.messaging.web;

import io.hearth.identity.Caller;
import io.hearth.messaging.internal.MessageRejectedException;
import io.hearth.messaging.internal.MessagingService;
import io.hearth.messaging.internal.Pool;
import io.hearth.messaging.internal.ThreadStatus;
import io.hearth.messaging.internal.Views.InboxFilter;
import io.hearth.messaging.internal.Views.ThreadSummary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff inbox ({@code /staff/messages/**}: PROVIDER, NURSE, FRONT_DESK, BILLING in WebSecurity): only threads
 * of the staff member's pools and care team (the service applies the rule), reply, assign, close and reopen.
 */
@Controller
class StaffMessagesController {

    static final String VIEW_THREAD = "messaging/staff-thread";

    private final MessagingService messaging;
    private final MessagePages pages;

    StaffMessagesController(MessagingService messaging, MessagePages pages) {
        this.messaging = messaging;
        this.pages = pages;
    }

    /** The inbox's filters as the query string carries them; unknown values mean "any". */
    record Filter(String pool, String status, String assignee, String patient) {

        InboxFilter parsed() {
            return new InboxFilter(parse(Pool.class, pool), parse(ThreadStatus.class, status),
                    assignee == null || assignee.isBlank() ? null : assignee, uuid(patient));
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst().orElse(null);
        }

        private static UUID uuid(String value) {
            try {
                return value == null || value.isBlank() ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @GetMapping("/staff/messages")
    String inbox(Filter filter, Authentication authentication, Model model, Locale locale) {
        Caller staff = pages.viewer(authentication);
        List<ThreadSummary> threads = messaging.inbox(staff, filter.parsed());
        model.addAttribute("threads", threads);
        model.addAttribute("filter", filter);
        model.addAttribute("pools", Pool.values());
        model.addAttribute("statuses", ThreadStatus.values());
        model.addAttribute("patients", messaging.patientsInView(staff, threads));
        model.addAttribute("format", pages.formatter(locale));
        model.addAttribute("me", staff.username());
        return "messaging/inbox";
    }

    @GetMapping("/staff/messages/{id}")
    String thread(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        pages.showThread(pages.viewer(authentication), id, model, locale);
        return VIEW_THREAD;
    }

    @PostMapping("/staff/messages/{id}")
    String reply(@PathVariable UUID id, Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
            Locale locale) throws IOException {
        return pages.reply(pages.viewer(authentication), id, request, response, model, locale, "/staff/messages/" + id, VIEW_THREAD);
    }

    @PostMapping("/staff/messages/{id}/assign")
    String assign(@PathVariable UUID id, @RequestParam(required = false) String assignee, Authentication authentication,
            HttpServletResponse response, Model model, Locale locale) {
        Caller staff = pages.viewer(authentication);
        try {
            messaging.assign(staff, id, assignee == null || assignee.isBlank() ? null : assignee);
        } catch (MessageRejectedException e) {
            response.setStatus(400);
            model.addAttribute("error", e.key());
            pages.showThread(staff, id, model, locale);
            return VIEW_THREAD;
        }
        return "redirect:/staff/messages/" + id;
    }

    @PostMapping("/staff/messages/{id}/close")
    String close(@PathVariable UUID id, Authentication authentication) {
        messaging.close(pages.viewer(authentication), id);
        return "redirect:/staff/messages/" + id;
    }

    @PostMapping("/staff/messages/{id}/reopen")
    String reopen(@PathVariable UUID id, Authentication authentication) {
        messaging.reopen(pages.viewer(authentication), id);
        return "redirect:/staff/messages/" + id;
    }

    @GetMapping("/staff/messages/attachments/{id}")
    void download(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) throws IOException {
        pages.download(pages.viewer(authentication), id, response);
    }
}
