package io.hearth.medications.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Accounts;
import io.hearth.medications.internal.Views.MedicationRow;
import io.hearth.medications.internal.Views.RequestView;
import io.hearth.records.MedicationLists.Medication;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Requests decrypted into what the pages show. */
@Component
class RenewalViews {

    private final FieldCipher cipher;
    private final Accounts accounts;
    private final OnlineRenewalPolicy policy;

    RenewalViews(FieldCipher cipher, Accounts accounts, OnlineRenewalPolicy policy) {
        this.cipher = cipher;
        this.accounts = accounts;
        this.policy = policy;
    }

    RequestView view(RenewalRequest request) {
        boolean approved = request.status() == RenewalStatus.APPROVED;
        return new RequestView(request.id(), request.medicationId(), request.status(), request.pharmacy(cipher), request.note(cipher),
                request.requestedAt(), request.decidedAt(),
                request.decidedBy() == null ? null : accounts.displayNameOf(request.decidedBy()).orElse(null),
                approved ? request.changes(cipher) : RenewalChanges.NONE,
                request.status() == RenewalStatus.DENIED ? request.reason(cipher) : null);
    }

    /** @param requests the medication's requests, newest first */
    MedicationRow row(Medication medication, List<RequestView> requests) {
        Instant lastRenewed = requests.stream().filter(request -> request.status() == RenewalStatus.APPROVED).map(RequestView::decidedAt)
                .findFirst().orElse(null);
        return new MedicationRow(medication, policy.refusal(medication).orElse(null), requests.isEmpty() ? null : requests.get(0), lastRenewed);
    }
}
