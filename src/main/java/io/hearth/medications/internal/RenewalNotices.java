package io.hearth.medications.internal;

import io.hearth.identity.Accounts;
import io.hearth.notifications.NoticeType;
import io.hearth.system.HearthProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the patient that their request was decided: a RENEWAL_DECIDED notice with their first name and a link, nothing
 * of the medication, the pharmacy or the decision. The outbox leaves it out unless the patient agreed to email.
 */
@Component
class RenewalNotices {

    private final Accounts accounts;
    private final HearthProperties hearth;

    RenewalNotices(Accounts accounts, HearthProperties hearth) {
        this.accounts = accounts;
        this.hearth = hearth;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void decided(RenewalRequest request) {
        accounts.usernameOfPatient(request.patientId()).ifPresent(username -> accounts.queueNotice(username, NoticeType.RENEWAL_DECIDED,
                hearth.baseUrl() + "/my/medications/" + request.medicationId()));
    }
}
