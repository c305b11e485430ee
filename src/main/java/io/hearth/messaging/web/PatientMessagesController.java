package io.hearth.messaging.web;

import io.hearth.identity.Caller;
import io.hearth.messaging.internal.MessageRejectedException;
import io.hearth.messaging.internal.MessagingService;
import io.hearth.messaging.internal.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The patient's messages (role PATIENT, {@code /my/**} in WebSecurity): their threads, a new thread to a pool of the
 * practice, replies, attachments. Another patient's thread or attachment answers 404, audited by the service.
 */
@Controller
class PatientMessagesController {

    static final String VIEW_NEW = "messaging/new";
    static final String VIEW_THREAD = "messaging/thread";

    private final MessagingService messaging;
    private final MessagePages pages;

    PatientMessagesController(MessagingService messaging, MessagePages pages) {
        this.messaging = messaging;
        this.pages = pages;
    }

    @GetMapping("/my/messages")
    String list(Authentication authentication, Model model, Locale locale) {
        model.addAttribute("threads", messaging.patientThreads(pages.viewer(authentication)));
        model.addAttribute("format", pages.formatter(locale));
        return "messaging/list";
    }

    @GetMapping("/my/messages/new")
    String newThread(Authentication authentication, Model model) {
        return form(pages.viewer(authentication), model, null, null, null, UUID.randomUUID().toString());
    }

    @PostMapping("/my/messages")
    String start(Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Caller patient = pages.viewer(authentication);
        if (!patient.isPatient()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        MessageFormReader.Received received;
        try {
            received = pages.forms().read(request, messaging.quotaLeft(patient.patientId()));
        } catch (MessageFormReader.RefusedException refused) {
            response.setStatus(refused.status);
            model.addAttribute("error", refused.key);
            return form(patient, model, refused.fields.get("pool"), refused.fields.get("subject"), refused.fields.get("body"),
                    token(refused.fields.get("formToken")));
        }
        try {
            Views.Sent sent = messaging.start(patient, received.field("pool"), received.field("subject"), received.field("body"),
                    received.uploads(), received.field("formToken"));
            if (sent.duplicate()) {
                pages.forms().discard(received.uploads());
            }
            return "redirect:/my/messages/" + sent.threadId();
        } catch (MessageRejectedException e) {
            pages.forms().discard(received.uploads());
            response.setStatus(e.status());
            model.addAttribute("error", e.key());
            return form(patient, model, received.field("pool"), received.field("subject"), received.field("body"),
                    token(received.field("formToken")));
        }
    }

    @GetMapping("/my/messages/{id}")
    String thread(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        pages.showThread(pages.viewer(authentication), id, model, locale);
        return VIEW_THREAD;
    }

    @PostMapping("/my/messages/{id}")
    String reply(@PathVariable UUID id, Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
            Locale locale) throws IOException {
        return pages.reply(pages.viewer(authentication), id, request, response, model, locale, "/my/messages/" + id, VIEW_THREAD);
    }

    @GetMapping("/my/messages/attachments/{id}")
    void download(@PathVariable UUID id, Authentication authentication, HttpServletResponse response) throws IOException {
        pages.download(pages.viewer(authentication), id, response);
    }

    private String form(Caller patient, Model model, String pool, String subject, String body, String formToken) {
        model.addAttribute("pools", messaging.poolsFor(patient));
        model.addAttribute("chosenPool", pool);
        model.addAttribute("typedSubject", subject);
        model.addAttribute("typedBody", body);
        model.addAttribute("formToken", formToken);
        return VIEW_NEW;
    }

    private static String token(String typed) {
        return typed != null && typed.matches("[A-Za-z0-9-]{16,64}") ? typed : UUID.randomUUID().toString();
    }
}
