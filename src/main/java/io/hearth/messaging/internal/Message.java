package io.hearth.messaging.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of a thread: plain text, encrypted. */
@Entity
@Table(name = "message")
class Message {

    static final EncryptedColumn BODY = EncryptedColumn.of("message", "body_ciphertext");

    @Id
    private UUID id;

    @Column(name = "thread_id", nullable = false)
    private UUID threadId;

    /** The author's username. */
    @Column(nullable = false, length = 64)
    private String author;

    @Column(name = "from_patient", nullable = false)
    private boolean fromPatient;

    @Column(name = "body_ciphertext", nullable = false)
    private byte[] bodyCiphertext;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    /** The token of the form it was sent from: the same form sent twice makes one message. */
    @Column(name = "form_token", nullable = false, length = 64)
    private String formToken;

    protected Message() {
    }

    Message(MessageThread thread, String author, boolean fromPatient, String body, String formToken, Instant now, FieldCipher cipher) {
        this.id = UUID.randomUUID();
        this.threadId = thread.id();
        this.author = author;
        this.fromPatient = fromPatient;
        this.bodyCiphertext = cipher.encrypt(body, BODY.at(id));
        this.sentAt = thread.receive(now);
        this.formToken = formToken;
    }

    UUID id() {
        return id;
    }

    UUID threadId() {
        return threadId;
    }

    String author() {
        return author;
    }

    boolean fromPatient() {
        return fromPatient;
    }

    String body(FieldCipher cipher) {
        return cipher.decrypt(bodyCiphertext, BODY.at(id));
    }

    Instant sentAt() {
        return sentAt;
    }

    @Override
    public String toString() {
        return "Message[" + id + "]";
    }
}
