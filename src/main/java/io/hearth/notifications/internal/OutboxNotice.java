package io.hearth.notifications.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.notifications.NoticeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notice in the outbox. The address, first name and link are encrypted and bound to this row's id; they are
 * erased when the notice is sent. Delivery state changes only through the conditional updates of
 * {@link OutboxNoticeRepository}, which check the claim, so this entity has no setters.
 */
@Entity
@Table(name = "notice")
class OutboxNotice {

    static final EncryptedColumn RECIPIENT = EncryptedColumn.of("notice", "recipient_ciphertext");
    static final EncryptedColumn FIRST_NAME = EncryptedColumn.of("notice", "first_name_ciphertext");
    static final EncryptedColumn LINK = EncryptedColumn.of("notice", "link_ciphertext");

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private NoticeType type;

    @Column(name = "recipient_ciphertext")
    private byte[] recipientCiphertext;

    @Column(name = "first_name_ciphertext")
    private byte[] firstNameCiphertext;

    @Column(name = "link_ciphertext")
    private byte[] linkCiphertext;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private NoticeStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "claim_token")
    private UUID claimToken;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxNotice() {
    }

    OutboxNotice(NoticeType type, String recipient, String firstName, String link, Instant now, FieldCipher cipher) {
        this.id = UUID.randomUUID();
        this.type = type;
        this.recipientCiphertext = cipher.encrypt(recipient, RECIPIENT.at(id));
        this.firstNameCiphertext = cipher.encrypt(firstName, FIRST_NAME.at(id));
        this.linkCiphertext = cipher.encrypt(link, LINK.at(id));
        this.status = NoticeStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    NoticeType type() {
        return type;
    }

    String recipient(FieldCipher cipher) {
        return cipher.decrypt(recipientCiphertext, RECIPIENT.at(id));
    }

    String firstName(FieldCipher cipher) {
        return cipher.decrypt(firstNameCiphertext, FIRST_NAME.at(id));
    }

    String link(FieldCipher cipher) {
        return cipher.decrypt(linkCiphertext, LINK.at(id));
    }

    NoticeStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    UUID claimToken() {
        return claimToken;
    }

    Instant claimedUntil() {
        return claimedUntil;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    @Override
    public String toString() {
        return "OutboxNotice[" + id + ", " + type + ", " + status + "]";
    }
}
