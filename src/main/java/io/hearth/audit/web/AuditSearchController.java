package io.hearth.audit.web;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.audit.AuditSearch;
import io.hearth.audit.AuditSearch.Cursor;
import io.hearth.audit.AuditSearch.Entry;
import io.hearth.audit.AuditSearch.Filter;
import io.hearth.system.HearthProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The security officer's audit search and CSV export ({@code /audit/**} is SECURITY_OFFICER only, see WebSecurity).
 * Searching and exporting are themselves audited, with the filters but never the results.
 */
@Controller
class AuditSearchController {

    static final int PAGE_SIZE = 100;

    /** The search form as typed; everything optional. Dates are days in the practice's time zone, {@code to} inclusive. */
    record Query(String user, String patient, String action, String outcome, String from, String to, String after) {

        Stream<String> typed() {
            return Stream.of(user, patient, action, outcome, from, to);
        }
    }

    /** One entry as the table shows it. */
    record Line(String when, String actor, String roles, String action, String outcome, String patient, String object, String reason,
            String address) {
    }

    private final AuditSearch search;
    private final AuditLog audit;
    private final HearthProperties hearth;

    AuditSearchController(AuditSearch search, AuditLog audit, HearthProperties hearth) {
        this.search = search;
        this.audit = audit;
        this.hearth = hearth;
    }

    @GetMapping("/audit")
    String search(@ModelAttribute("query") Query query, Model model, HttpServletResponse response) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("zone", hearth.timeZone().getId());
        model.addAttribute("lines", List.of());
        if (query.typed().allMatch(value -> value == null || value.isBlank())) {
            return "audit/search";
        }
        Filter filter;
        Cursor after;
        try {
            filter = filter(query);
            after = cursor(query.after());
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused.getMessage());
            return "audit/search";
        }
        List<Entry> entries = search.page(filter, after, PAGE_SIZE + 1);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(hearth.timeZone());
        model.addAttribute("lines", entries.stream().limit(PAGE_SIZE).map(entry -> new Line(format.format(entry.occurredAt()),
                entry.actorId(), entry.actorRoles(), entry.action(), entry.outcome(), entry.patientId() == null ? "" : entry.patientId().toString(),
                entry.objectType() == null ? "" : entry.objectType() + " " + (entry.objectId() == null ? "" : entry.objectId()),
                entry.reason(), entry.clientAddress())).toList());
        if (entries.size() > PAGE_SIZE) {
            Entry last = entries.get(PAGE_SIZE - 1);
            model.addAttribute("next", (last.occurredAt().getEpochSecond() * 1_000_000 + last.occurredAt().getNano() / 1000) + "-" + last.seq());
        }
        audit.record(AuditEvent.of(AuditAction.AUDIT_SEARCHED, AuditOutcome.SUCCESS).object("audit", "search").because(describe(query)));
        return "audit/search";
    }

    @GetMapping("/audit/export.csv")
    void export(@ModelAttribute("query") Query query, HttpServletResponse response) throws IOException {
        Filter filter;
        try {
            filter = filter(query);
        } catch (IllegalArgumentException refused) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-export.csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("seq,occurred_at,actor,roles,action,outcome,patient,object_type,object_id,reason,client_address\r\n");
        int rows = search.each(filter, entry -> {
            try {
                out.write(Stream.of(entry.seq(), entry.occurredAt(), entry.actorId(), entry.actorRoles(), entry.action(), entry.outcome(),
                        entry.patientId(), entry.objectType(), entry.objectId(), entry.reason(), entry.clientAddress())
                        .map(CsvCell::of).collect(Collectors.joining(",")) + "\r\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
        audit.record(AuditEvent.of(AuditAction.AUDIT_EXPORTED, AuditOutcome.SUCCESS).object("audit", "export")
                .because(describe(query) + "; " + rows + " rows"));
    }

    private Filter filter(Query query) {
        UUID patient = null;
        if (present(query.patient())) {
            try {
                patient = UUID.fromString(query.patient().strip());
            } catch (IllegalArgumentException notAnId) {
                throw new IllegalArgumentException("A patient is named by their record id (for example 3f6e2a1b-8c4d-4e5f-9a0b-1c2d3e4f5a6b).");
            }
        }
        AuditAction action = present(query.action()) ? choice(AuditAction.class, query.action(), "That is not an action.") : null;
        AuditOutcome outcome = present(query.outcome()) ? choice(AuditOutcome.class, query.outcome(), "That is not an outcome.") : null;
        Instant from = present(query.from()) ? day(query.from()).atStartOfDay(hearth.timeZone()).toInstant() : null;
        Instant to = present(query.to()) ? day(query.to()).plusDays(1).atStartOfDay(hearth.timeZone()).toInstant() : null;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The first day must not be after the last day.");
        }
        String user = present(query.user()) ? query.user().strip() : null;
        if (user != null && user.length() > 320) {
            throw new IllegalArgumentException("A username has at most 320 characters.");
        }
        return new Filter(user, patient, action, outcome, from, to);
    }

    private static Cursor cursor(String after) {
        if (!present(after)) {
            return null;
        }
        String[] parts = after.split("-");
        try {
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000), Long.parseLong(parts[1]));
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("That page link is damaged; search again.");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String refusal) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(refusal);
        }
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException notADay) {
            throw new IllegalArgumentException("Give days as year-month-day, for example 2026-11-22.");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The filters for the audit trail's own entry, each cut short: they are typed text. */
    private static String describe(Query query) {
        List<String> parts = new ArrayList<>();
        String[] names = { "user", "patient", "action", "outcome", "from", "to" };
        List<String> values = query.typed().toList();
        for (int i = 0; i < names.length; i++) {
            String value = values.get(i);
            if (present(value)) {
                String clean = value.strip().codePoints().filter(c -> !Character.isISOControl(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                parts.add(names[i] + "=" + (clean.length() > 80 ? clean.substring(0, 80) : clean));
            }
        }
        return String.join(", ", parts);
    }
}
