package io.hearth.messaging.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is emailed about a new message, one NEW_MESSAGE notice per person and nothing of the message in it (the
 * notice holds the first name and a link only; identity builds it). The patient hears of every staff message. Staff
 * hear of patient messages in their pools: the assignee, or with none every colleague of the pool (for a provider
 * without an account, the clinical staff of the patient's care team), at most once per
 * {@code staff-notice-interval}; what arrives meanwhile is told in one notice when the interval has passed.
 */
@Component
public class MessageNotices {

    private final Accounts accounts;
    private final MessageAccess access;
    private final NamedParameterJdbcTemplate jdbc;
    private final MessagingProperties settings;
    private final HearthProperties hearth;
    private final Clock clock;

    MessageNotices(Accounts accounts, MessageAccess access, NamedParameterJdbcTemplate jdbc, MessagingProperties settings,
            HearthProperties hearth, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.jdbc = jdbc;
        this.settings = settings;
        this.hearth = hearth;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void toPatient(MessageThread thread) {
        accounts.usernameOfPatient(thread.patientId())
                .ifPresent(username -> accounts.queueNotice(username, NoticeType.NEW_MESSAGE, hearth.baseUrl() + "/my/messages/" + thread.id()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void toStaff(MessageThread thread, String author) {
        List<Accounts.StaffMember> readers = accounts.staff().stream().filter(member -> access.canRead(member, thread)).toList();
        List<Accounts.StaffMember> told = readers.stream()
                .filter(member -> thread.assignee() == null ? inPool(member, thread) : member.username().equals(thread.assignee())).toList();
        if (told.isEmpty() && thread.pool() == Pool.CARE_TEAM) {
            // the provider has no account (or it is disabled): the rest of the care team hears of it instead
            told = readers.stream().filter(member -> member.roles().stream().anyMatch(Pool.CLINICAL_ROLES::contains)).toList();
        }
        List<String> recipients = told.stream().map(Accounts.StaffMember::username).filter(username -> !username.equals(author)).toList();
        Instant now = clock.instant();
        for (String username : recipients) {
            if (settings.staffNoticeInterval().isZero() || claim(username, now)) {
                accounts.queueNotice(username, NoticeType.NEW_MESSAGE, inboxLink());
            } else {
                jdbc.update("update message_staff_notice set pending_since = coalesce(pending_since, :now) where username = :username",
                        Map.of("now", Timestamp.from(now), "username", username));
            }
        }
    }

    /** Sends the notices held back during the interval, once it has passed; safe on several nodes at once. */
    @Scheduled(fixedDelayString = "${hearth.messaging.notice-check-interval:60s}")
    @Transactional
    public void sendHeldBack() {
        Instant now = clock.instant();
        List<String> due = jdbc.queryForList("""
                select username from message_staff_notice where pending_since is not null and last_sent_at <= :due""",
                Map.of("due", Timestamp.from(now.minus(settings.staffNoticeInterval()))), String.class);
        for (String username : due) {
            if (claim(username, now)) {
                accounts.queueNotice(username, NoticeType.NEW_MESSAGE, inboxLink());
            }
        }
    }

    /** Takes the right to email this person now, if their last notice is an interval ago; the row lock orders nodes. */
    private boolean claim(String username, Instant now) {
        Map<String, Object> row = Map.of("username", username, "now", Timestamp.from(now),
                "due", Timestamp.from(now.minus(interval())));
        jdbc.update("insert into message_staff_notice (username) values (:username) on conflict do nothing", row);
        return jdbc.update("""
                update message_staff_notice set last_sent_at = :now, pending_since = null
                where username = :username and (last_sent_at is null or last_sent_at <= :due)""", row) == 1;
    }

    private Duration interval() {
        return settings.staffNoticeInterval();
    }

    /** The pool's colleagues: the provider a care-team thread names, clinical staff for Prescriptions, the desks by role. */
    private static boolean inPool(Accounts.StaffMember member, MessageThread thread) {
        return switch (thread.pool()) {
            case CARE_TEAM -> thread.practitionerId().equals(member.practitionerId());
            case PRESCRIPTIONS -> member.roles().stream().anyMatch(Pool.CLINICAL_ROLES::contains);
            case BILLING -> member.roles().contains(Role.BILLING);
            case FRONT_DESK -> member.roles().contains(Role.FRONT_DESK);
        };
    }

    private String inboxLink() {
        return hearth.baseUrl() + "/staff/messages";
    }
}
