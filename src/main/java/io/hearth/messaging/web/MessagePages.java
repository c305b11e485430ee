package io.hearth.messaging.web;

import io.hearth.crypto.EncryptedFiles;
import io.hearth.identity.Caller;
import io.hearth.identity.Callers;
import io.hearth.identity.Role;
import io.hearth.messaging.internal.MessageRejectedException;
import io.hearth.messaging.internal.MessagingService;
import io.hearth.messaging.internal.ThreadClosedException;
import io.hearth.messaging.internal.Views;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the patient's and the staff's message pages share: who is asking, showing a thread, replying, downloading. */
@Component
class MessagePages {

    private final MessagingService messaging;
    private final Callers callers;
    private final MessageFormReader forms;
    private final EncryptedFiles files;
    private final HearthProperties hearth;

    MessagePages(MessagingService messaging, Callers callers, MessageFormReader forms, EncryptedFiles files, HearthProperties hearth) {
        this.messaging = messaging;
        this.callers = callers;
        this.forms = forms;
        this.files = files;
        this.hearth = hearth;
    }

    /** A message as shown: its body cut into text and portal links, its time in the practice's zone. */
    record Shown(Views.MessageView message, List<MessageText.Segment> segments, String when) {
    }

    Caller viewer(Authentication authentication) {
        return callers.of(authentication);
    }

    static Set<Role> roles(Authentication authentication) {
        return Role.heldBy(authentication);
    }

    /** Puts the thread, its messages and an empty reply form in the model; marks it read. */
    void showThread(Caller viewer, UUID threadId, Model model, Locale locale) {
        Views.ThreadDetail detail = messaging.open(viewer, threadId);
        DateTimeFormatter format = formatter(locale);
        model.addAttribute("thread", detail.thread());
        model.addAttribute("messages", detail.messages().stream()
                .map(message -> new Shown(message, MessageText.segments(message.body(), hearth.baseUrl()), format.format(message.sentAt())))
                .toList());
        model.addAttribute("assignable", detail.assignable());
        model.addAttribute("zone", hearth.timeZone().getId());
        if (!model.containsAttribute("formToken")) {
            model.addAttribute("formToken", UUID.randomUUID().toString());
        }
    }

    DateTimeFormatter formatter(Locale locale) {
        return hearth.dateTimeFormat(locale);
    }

    /**
     * Reads and sends a reply; on success the redirect to the thread, otherwise the thread again with the error, what
     * was typed and the status (400, 409, 413 or 415).
     */
    String reply(Caller viewer, UUID threadId, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
            String threadPath, String view) throws IOException {
        UUID patient = messaging.patientOfThread(viewer, threadId);
        MessageFormReader.Received received;
        try {
            received = forms.read(request, messaging.quotaLeft(patient));
        } catch (MessageFormReader.RefusedException refused) {
            return again(viewer, threadId, refused.status, refused.key, refused.fields.get("body"), refused.fields.get("formToken"),
                    response, model, locale, view);
        }
        try {
            Views.Sent sent = messaging.reply(viewer, threadId, received.field("body"), received.uploads(), received.field("formToken"));
            if (sent.duplicate()) {
                forms.discard(received.uploads());
            }
            return "redirect:" + threadPath + "#latest";
        } catch (MessageRejectedException | ThreadClosedException | OptimisticLockingFailureException e) {
            forms.discard(received.uploads());
            String key = e instanceof MessageRejectedException rejected ? rejected.key()
                    : e instanceof ThreadClosedException ? "messages.error.closed" : "messages.error.busy";
            int status = e instanceof MessageRejectedException rejected ? rejected.status() : 409;
            return again(viewer, threadId, status, key, received.field("body"),
                    received.field("formToken"), response, model, locale, view);
        }
    }

    private String again(Caller viewer, UUID threadId, int status, String key, String body, String formToken, HttpServletResponse response,
            Model model, Locale locale, String view) {
        response.setStatus(status);
        model.addAttribute("error", key);
        model.addAttribute("typedBody", body);
        model.addAttribute("formToken", formToken == null ? UUID.randomUUID().toString() : formToken);
        showThread(viewer, threadId, model, locale);
        return view;
    }

    /**
     * Sends the attachment as a download of its exact type, never to be shown inline or sniffed, under a name made
     * safe for the header (RFC 6266 / RFC 5987).
     */
    void download(Caller viewer, UUID attachmentId, HttpServletResponse response) throws IOException {
        Views.Download download = messaging.download(viewer, attachmentId);
        response.setContentType(download.contentType());
        response.setContentLengthLong(download.size());
        response.setHeader("Content-Disposition", contentDisposition(download.name()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream in = files.open(download.fileId()); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>}. */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        name.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? (char) c : '_'));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }

    MessageFormReader forms() {
        return forms;
    }
}
