package io.hearth.appointments.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.notifications.NoticeType;
import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each booked appointment's reminder once, {@code hearth.appointments.reminder-lead} before it (and expires
 * wait-list offers past their time). Marking the reminder sent and queuing the notice share a transaction, guarded by
 * a conditional update, so two nodes or two runs never send it twice; a moved appointment is reminded again.
 */
@Component
public class AppointmentReminders {

    private static final Actor SYSTEM = Actor.system("appointment-reminders");

    private final AppointmentStore store;
    private final AppointmentNotices notices;
    private final WaitList waitList;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final AppointmentsProperties settings;
    private final Clock clock;

    AppointmentReminders(AppointmentStore store, AppointmentNotices notices, WaitList waitList, AuditLog audit, TransactionTemplate transaction,
            AppointmentsProperties settings, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.waitList = waitList;
        this.audit = audit;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hearth.appointments.reminder-check-interval:60s}", initialDelayString = "${hearth.appointments.reminder-check-interval:60s}")
    void scheduled() {
        sendDue();
    }

    /** @return how many reminders were queued (patients who did not agree to email get none, but count as reminded) */
    public int sendDue() {
        waitList.expireOffers();
        Instant now = clock.instant();
        int sent = 0;
        for (Appointment due : store.dueReminders(now, now.plus(settings.reminderLead()))) {
            Boolean queued = transaction.execute(status -> {
                if (!store.markReminded(due.id, due.startsAt, now)) {
                    return false;
                }
                boolean told = notices.tell(due.patientId, NoticeType.APPOINTMENT_REMINDER, "/my/appointments/" + due.id);
                audit.recordAfterCommit(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).by(SYSTEM).patient(due.patientId)
                        .object("appointment", due.id).because(told ? "reminder queued" : "no reminder: no email consent or address"));
                return told;
            });
            sent += Boolean.TRUE.equals(queued) ? 1 : 0;
        }
        return sent;
    }
}
