package io.hearth.messaging.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A conversation between one patient and one pool of the practice. */
@Entity
@Table(name = "message_thread")
class MessageThread {

    static final EncryptedColumn SUBJECT = EncryptedColumn.of("message_thread", "subject_ciphertext");

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Pool pool;

    /** The provider of a CARE_TEAM thread; null for the other pools. */
    @Column(name = "practitioner_id")
    private UUID practitionerId;

    @Column(name = "subject_ciphertext", nullable = false)
    private byte[] subjectCiphertext;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ThreadStatus status;

    /** The staff member who answers it (a username), or null while nobody is. */
    @Column(length = 64)
    private String assignee;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Version
    private long version;

    protected MessageThread() {
    }

    MessageThread(UUID patientId, Pool pool, UUID practitionerId, String subject, String assignee, Instant now, FieldCipher cipher) {
        if ((pool == Pool.CARE_TEAM) != (practitionerId != null)) {
            throw new IllegalArgumentException("a care-team thread names its provider, and only it does");
        }
        this.id = UUID.randomUUID();
        this.patientId = patientId;
        this.pool = pool;
        this.practitionerId = practitionerId;
        this.subjectCiphertext = cipher.encrypt(subject, SUBJECT.at(id));
        this.status = ThreadStatus.OPEN;
        this.assignee = assignee;
        this.createdAt = now;
        this.lastMessageAt = now.truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.MICROS);
    }

    /**
     * The time of a new message: now, or just after the previous message when the clock has not moved past it, so
     * messages of a thread are strictly ordered by time and "read up to" is exact.
     *
     * @throws ThreadClosedException when the thread is closed
     */
    Instant receive(Instant now) {
        if (status == ThreadStatus.CLOSED) {
            throw new ThreadClosedException();
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        lastMessageAt = at.isAfter(lastMessageAt) ? at : lastMessageAt.plus(1, ChronoUnit.MICROS);
        return lastMessageAt;
    }

    void close() {
        status = ThreadStatus.CLOSED;
    }

    void reopen() {
        status = ThreadStatus.OPEN;
    }

    void assign(String username) {
        this.assignee = username;
    }

    UUID id() {
        return id;
    }

    UUID patientId() {
        return patientId;
    }

    Pool pool() {
        return pool;
    }

    UUID practitionerId() {
        return practitionerId;
    }

    String subject(FieldCipher cipher) {
        return cipher.decrypt(subjectCiphertext, SUBJECT.at(id));
    }

    ThreadStatus status() {
        return status;
    }

    String assignee() {
        return assignee;
    }

    Instant lastMessageAt() {
        return lastMessageAt;
    }

    @Override
    public String toString() {
        return "MessageThread[" + id + "]";
    }
}
