package io.hearth.notifications.web;

import io.hearth.notifications.internal.DeliveryLog;
import io.hearth.system.HearthProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Delivery state of recent email notices for administrators ({@code /admin/**} is ADMIN only, see WebSecurity):
 * kind, status, attempts and times; never the address, the name or the link.
 */
@Controller
class NoticeAdminController {

    static final int SHOWN = 100;

    private final DeliveryLog deliveries;
    private final HearthProperties properties;

    NoticeAdminController(DeliveryLog deliveries, HearthProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    record Row(String id, String type, String status, int attempts, String created, String lastAttempt, String next, String sent,
            String error) {
    }

    @GetMapping("/admin/notices")
    String notices(Model model, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(properties.timeZone());
        model.addAttribute("rows", deliveries.recent(SHOWN).stream().map(line -> new Row(line.id().toString(), line.type().name(),
                line.status().name(), line.attempts(), time(format, line.createdAt()), time(format, line.lastAttemptAt()),
                time(format, line.nextAttemptAt()), time(format, line.sentAt()), line.lastError())).toList());
        model.addAttribute("summary", deliveries.summary());
        model.addAttribute("zone", properties.timeZone().getId());
        return "notifications/admin-notices";
    }

    private static String time(DateTimeFormatter format, Instant instant) {
        return instant == null ? null : format.format(instant);
    }
}
