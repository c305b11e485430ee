package io.hearth.appointments.internal;

import io.hearth.identity.Accounts;
import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Email notices to patients about their appointments, through the outbox (which checks their consent): each says only
 * that something is waiting and links to the portal; no date, provider, place or reason.
 */
@Component
class AppointmentNotices {

    private final Accounts accounts;
    private final HearthProperties hearth;

    AppointmentNotices(Accounts accounts, HearthProperties hearth) {
        this.accounts = accounts;
        this.hearth = hearth;
    }

    /** @return whether a notice was queued (the patient has an account and agreed to email) */
    boolean tell(UUID patient, NoticeType type, String path) {
        return accounts.usernameOfPatient(patient).map(username -> accounts.queueNotice(username, type, hearth.baseUrl() + path)).orElse(false);
    }
}
