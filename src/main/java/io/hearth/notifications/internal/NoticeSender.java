package io.hearth.notifications.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.system.HearthProperties;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox through Spring's {@link JavaMailSender}, one message and one {@code To} address per notice.
 *
 * <h2>Claiming: a conditional update, not {@code select ... for update skip locked}</h2>
 * A run reads the ids of due notices without locking, then claims each with one conditional {@code update} that
 * sets a fresh claim token and a lease ({@code claimed_until}) only if the row is still pending, due and unclaimed
 * (or its lease lapsed). The database serialises the updates of one row and re-checks the condition, so exactly one
 * caller sees "1 row": on PostgreSQL and on H2 alike, which is why it was chosen over {@code skip locked} (whose row
 * locks would also have to be held, with a pooled connection, for the whole SMTP conversation, which can take tens
 * of seconds when the server is slow). The lease is what recovers from a node that dies after claiming: its notices
 * become due again once {@code hearth.notifications.claim-timeout} has passed. A node never sends on a claim whose
 * lease it has outlived.
 *
 * <h2>Marking sent, and the crash window</h2>
 * The step that sees the SMTP server accept the message (JavaMail returns from {@code send}) marks the notice SENT in
 * its own one-statement transaction straight away, conditional on still holding the claim. SMTP has no two-phase
 * commit, so there is one window left: the server has said 250 but the node dies (or loses the database) before that
 * update commits. The notice then goes again after the lease, so delivery is <em>exactly once except for a crash in
 * that window, where it is at least once</em>; the re-sent email carries the same {@code Message-ID}
 * ({@code <notice-id@portal-host>}), which mail stores and clients use to drop the duplicate. The same holds when the
 * connection breaks after the message data was sent but before the server's reply arrived. Nothing is marked sent
 * before the server accepted it: a notice is never lost.
 *
 * <h2>Failures</h2>
 * A failed attempt is retried after {@code first-delay} x 2^(attempt-1), at most {@code max-delay}; after
 * {@code max-attempts} (or at once when the server refuses the address permanently) the notice is FAILED and an
 * audit entry {@link AuditAction#NOTICE_FAILED} is written. When the server cannot be reached the run stops, so an
 * outage costs one attempt per run rather than one per notice. Only the class name of the error is stored or logged:
 * mail exception messages can carry the address. Logs name notice ids and types only.
 */
@Component
class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    static final Actor ACTOR = Actor.system("notifications");

    private final OutboxNoticeRepository notices;
    private final NoticeRenderer renderer;
    private final JavaMailSender mail;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationProperties settings;
    private final HearthProperties hearth;
    private final TransactionTemplate transaction;
    private final SendRate rate;

    NoticeSender(OutboxNoticeRepository notices, NoticeRenderer renderer, JavaMailSender mail, FieldCipher cipher, AuditLog audit,
            Clock clock, NotificationProperties settings, HearthProperties hearth, PlatformTransactionManager transactions) {
        this.notices = notices;
        this.renderer = renderer;
        this.mail = mail;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.hearth = hearth;
        this.transaction = new TransactionTemplate(transactions);
        this.rate = new SendRate(settings.rate(), clock.instant());
    }

    /** What one run did. */
    record Run(int sent, int retrying, int failed) {
    }

    /**
     * Sends the notices that are due, as many as the throttle allows. Safe to call from several threads and nodes at
     * once; the schedule and the after-commit nudge call it, and tests call it directly.
     */
    Run sendDue() {
        Instant now = clock.instant();
        int permits = rate.acquire(now, settings.batchSize());
        if (permits == 0) {
            return new Run(0, 0, 0);
        }
        int used = 0;
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        try {
            List<UUID> due = transaction.execute(status -> notices.due(now, PageRequest.of(0, permits)));
            for (UUID id : due) {
                UUID token = UUID.randomUUID();
                Instant claimedAt = clock.instant();
                Instant until = claimedAt.plus(settings.claimTimeout());
                Integer claimed = transaction.execute(status -> notices.claim(id, token, claimedAt, until));
                if (claimed == null || claimed != 1) {
                    continue; // another thread or node has it, or it was sent meanwhile
                }
                used++;
                Attempt attempt = attempt(id, token, until);
                switch (attempt) {
                    case SENT -> sent++;
                    case RETRY -> retrying++;
                    case FAILED -> failed++;
                    case UNREACHABLE -> retrying++;
                    case LAPSED -> { }
                }
                if (attempt == Attempt.UNREACHABLE) {
                    break; // the server is down: leave the rest for a later run
                }
            }
        } finally {
            rate.release(permits - used);
        }
        return new Run(sent, retrying, failed);
    }

    private enum Attempt {
        SENT, RETRY, UNREACHABLE, FAILED, LAPSED
    }

    private Attempt attempt(UUID id, UUID token, Instant until) {
        Optional<OutboxNotice> found = transaction.execute(status -> notices.findById(id));
        if (found.isEmpty()) {
            return Attempt.LAPSED;
        }
        OutboxNotice notice = found.get();
        try {
            MimeMessage message = message(notice);
            if (!clock.instant().isBefore(until)) {
                log.warn("Notice {} ({}) not sent: its claim lapsed before sending", id, notice.type());
                return Attempt.LAPSED;
            }
            mail.send(message);
        } catch (RuntimeException | jakarta.mail.MessagingException | UnsupportedEncodingException e) {
            return failed(notice, token, e);
        }
        Instant sentAt = clock.instant();
        Integer marked = transaction.execute(status -> notices.markSent(id, token, sentAt));
        if (marked == null || marked != 1) {
            log.warn("Notice {} ({}) was accepted by the SMTP server after its claim lapsed; another node may send it again", id, notice.type());
        } else {
            log.info("Notice {} ({}) sent after {} attempt(s)", id, notice.type(), notice.attempts());
        }
        return Attempt.SENT;
    }

    private MimeMessage message(OutboxNotice notice) throws jakarta.mail.MessagingException, UnsupportedEncodingException {
        String recipient = notice.recipient(cipher);
        if (recipient == null) {
            throw new AddressException("no recipient"); // cannot happen for a pending notice; never sent without one
        }
        NoticeRenderer.Rendered rendered = renderer.render(notice.type(), renderer.model(notice.firstName(cipher), notice.link(cipher)));
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), hearth.practiceName(), "UTF-8"));
        helper.setTo(new InternetAddress(recipient, true)); // exactly one address; never CC or BCC
        helper.setSubject(rendered.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(rendered.text(), rendered.html());
        message.setHeader("Message-ID", messageId(notice.id()));
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** Stable per notice, so a re-sent notice (see the class comment) is recognisably the same email. */
    String messageId(UUID id) {
        String host = hearth.baseUrl() == null || hearth.baseUrl().getHost() == null ? "hearth.invalid" : hearth.baseUrl().getHost();
        return "<notice-" + id + "@" + host + ">";
    }

    private Attempt failed(OutboxNotice notice, UUID token, Exception failure) {
        UUID id = notice.id();
        int attempts = notice.attempts();
        String error = errorClass(failure);
        boolean permanent = permanent(failure);
        if (permanent || settings.retry().exhausted(attempts)) {
            Integer given = transaction.execute(status -> {
                int rows = notices.giveUp(id, token, error);
                if (rows == 1) {
                    audit.recordAfterCommit(AuditEvent.of(AuditAction.NOTICE_FAILED, AuditOutcome.FAILURE).by(ACTOR)
                            .object("notice", id).because(notice.type() + " given up after " + attempts + " attempt(s): " + error));
                }
                return rows;
            });
            if (given != null && given == 1) {
                log.warn("Notice {} ({}) failed for good after {} attempt(s): {}", id, notice.type(), attempts, error);
            }
            return Attempt.FAILED;
        }
        Instant next = clock.instant().plus(settings.retry().delayAfter(attempts));
        transaction.execute(status -> notices.retryLater(id, token, next, error));
        log.warn("Notice {} ({}) attempt {} failed: {}; next attempt at {}", id, notice.type(), attempts, error, next);
        return unreachable(failure) ? Attempt.UNREACHABLE : Attempt.RETRY;
    }

    /** The most specific cause's class name, never a message (messages can carry the address). */
    static String errorClass(Throwable failure) {
        List<Throwable> causes = causes(failure);
        String name = causes.get(causes.size() - 1).getClass().getName();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The address is malformed, or the server refused it with a permanent (5xx) reply. */
    static boolean permanent(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof AddressException
                || cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0 && empty(refused.getValidSentAddresses())
                        && empty(refused.getValidUnsentAddresses()));
    }

    /** The server could not be reached at all, so the rest of this run would fail the same way. */
    static boolean unreachable(Throwable failure) {
        return causes(failure).stream().anyMatch(cause -> cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException);
    }

    /**
     * The failure and everything behind it, depth first: causes, JavaMail's next exceptions, and the per-message
     * exceptions Spring's {@code MailSendException} keeps (without a cause) when a message was refused.
     */
    static List<Throwable> causes(Throwable failure) {
        List<Throwable> all = new java.util.ArrayList<>();
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.push(failure);
        while (!todo.isEmpty() && all.size() < 50) {
            Throwable next = todo.pop();
            if (all.stream().anyMatch(seen -> seen == next)) {
                continue;
            }
            all.add(next);
            if (next instanceof MailSendException send) {
                for (Exception each : send.getMessageExceptions()) {
                    pushIfAny(todo, each);
                }
            }
            if (next instanceof jakarta.mail.MessagingException messaging) {
                pushIfAny(todo, messaging.getNextException());
            }
            pushIfAny(todo, next.getCause());
        }
        return all;
    }

    private static void pushIfAny(java.util.Deque<Throwable> todo, Throwable cause) {
        if (cause != null) {
            todo.push(cause);
        }
    }

    private static boolean empty(Object[] addresses) {
        return addresses == null || addresses.length == 0;
    }
}
