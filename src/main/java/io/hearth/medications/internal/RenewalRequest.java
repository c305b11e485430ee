package io.hearth.medications.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.records.MedicationLists.Medication;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's request to renew one of their medications, and the practice's decision: asked only for a medication
 * the {@link OnlineRenewalPolicy} allows, decided once (approved, perhaps with changes, or denied with a reason).
 * At most one request per medication is pending; the database keeps that under races (V37).
 */
@Entity
@Table(name = "renewal_request")
class RenewalRequest {

    static final EncryptedColumn PHARMACY = EncryptedColumn.of("renewal_request", "pharmacy_ciphertext");
    static final EncryptedColumn NOTE = EncryptedColumn.of("renewal_request", "note_ciphertext");
    static final EncryptedColumn CHANGES = EncryptedColumn.of("renewal_request", "changes_ciphertext");
    static final EncryptedColumn REASON = EncryptedColumn.of("renewal_request", "reason_ciphertext");

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "medication_id", nullable = false)
    private UUID medicationId;

    @Column(name = "prescriber_id")
    private UUID prescriberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RenewalStatus status;

    @Column(name = "pharmacy_ciphertext", nullable = false)
    private byte[] pharmacyCiphertext;

    @Column(name = "note_ciphertext")
    private byte[] noteCiphertext;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "changes_ciphertext")
    private byte[] changesCiphertext;

    @Column(name = "reason_ciphertext")
    private byte[] reasonCiphertext;

    @Version
    private Long version;

    protected RenewalRequest() {
    }

    private RenewalRequest(Medication medication, String pharmacy, String note, String by, Instant now, FieldCipher cipher) {
        this.id = UUID.randomUUID();
        this.patientId = Objects.requireNonNull(medication.patientId());
        this.medicationId = medication.id();
        this.prescriberId = medication.prescriberId();
        this.status = RenewalStatus.PENDING;
        this.pharmacyCiphertext = cipher.encrypt(pharmacy, PHARMACY.at(id));
        this.noteCiphertext = note == null ? null : cipher.encrypt(note, NOTE.at(id));
        this.requestedBy = by;
        this.requestedAt = now;
    }

    /**
     * The patient asks to renew this medication at this pharmacy.
     *
     * @param pharmacy required; {@code note} may be null
     * @throws RenewalRefusedException (409) when the policy does not let this medication be renewed online
     */
    static RenewalRequest ask(Medication medication, OnlineRenewalPolicy policy, String pharmacy, String note, String by, Clock clock,
            FieldCipher cipher) {
        policy.refusal(medication).ifPresent(refusal -> {
            throw RenewalRefusedException.conflict(refusal.key());
        });
        if (pharmacy == null || pharmacy.isBlank()) {
            throw RenewalRefusedException.invalid("renewals.error.pharmacy");
        }
        return new RenewalRequest(medication, pharmacy, note, by, clock.instant(), cipher);
    }

    /**
     * The practice renews it, with the changes made (none: {@link RenewalChanges#NONE}).
     *
     * @throws RenewalRefusedException (409) when it was decided before
     */
    void approve(String by, RenewalChanges changes, Clock clock, FieldCipher cipher) {
        decide(by, RenewalStatus.APPROVED, clock);
        this.changesCiphertext = changes.isEmpty() ? null : cipher.encrypt(changes.encode(), CHANGES.at(id));
    }

    /**
     * The practice does not renew it, and says why (the patient reads the reason).
     *
     * @throws RenewalRefusedException (400) without a reason, (409) when it was decided before
     */
    void deny(String by, String reason, Clock clock, FieldCipher cipher) {
        if (reason == null || reason.isBlank()) {
            throw RenewalRefusedException.invalid("renewals.error.reason");
        }
        decide(by, RenewalStatus.DENIED, clock);
        this.reasonCiphertext = cipher.encrypt(reason, REASON.at(id));
    }

    /**
     * The patient takes the request back while it waits; the practice no longer sees it, and a new one may be made.
     *
     * @throws RenewalRefusedException (409) when it was decided before
     */
    void withdraw(String by, Clock clock) {
        decide(by, RenewalStatus.WITHDRAWN, clock);
    }

    private void decide(String by, RenewalStatus decision, Clock clock) {
        if (status != RenewalStatus.PENDING) {
            throw RenewalRefusedException.conflict("renewals.error.decided");
        }
        this.status = decision;
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedAt = clock.instant();
    }

    UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    UUID medicationId() {
        return medicationId;
    }

    UUID prescriberId() {
        return prescriberId;
    }

    RenewalStatus status() {
        return status;
    }

    String pharmacy(FieldCipher cipher) {
        return cipher.decrypt(pharmacyCiphertext, PHARMACY.at(id));
    }

    String note(FieldCipher cipher) {
        return cipher.decrypt(noteCiphertext, NOTE.at(id));
    }

    RenewalChanges changes(FieldCipher cipher) {
        return RenewalChanges.decode(cipher.decrypt(changesCiphertext, CHANGES.at(id)));
    }

    String reason(FieldCipher cipher) {
        return cipher.decrypt(reasonCiphertext, REASON.at(id));
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    @Override
    public String toString() {
        return "RenewalRequest[" + id + ", " + status + "]";
    }
}
