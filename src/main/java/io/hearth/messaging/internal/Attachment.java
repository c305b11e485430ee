package io.hearth.messaging.internal;

import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A file on a message, kept in the encrypted file store; its given name is only ever displayed. */
@Entity
@Table(name = "message_attachment")
class Attachment {

    static final EncryptedColumn NAME = EncryptedColumn.of("message_attachment", "name_ciphertext");

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private UUID messageId;

    @Column(name = "patient_id", nullable = false)
    private UUID patientId;

    @Column(name = "file_id", nullable = false, length = 100)
    private String fileId;

    @Column(name = "name_ciphertext", nullable = false)
    private byte[] nameCiphertext;

    @Column(name = "content_type", nullable = false, length = 64)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected Attachment() {
    }

    Attachment(Message message, UUID patientId, Upload upload, FieldCipher cipher) {
        StoredFile file = upload.file();
        this.id = UUID.randomUUID();
        this.messageId = message.id();
        this.patientId = patientId;
        this.fileId = file.id();
        this.nameCiphertext = cipher.encrypt(upload.name(), NAME.at(id));
        this.contentType = upload.type().mediaType();
        this.size = file.size();
        this.sha256 = file.sha256();
    }

    UUID id() {
        return id;
    }

    UUID messageId() {
        return messageId;
    }

    UUID patientId() {
        return patientId;
    }

    String fileId() {
        return fileId;
    }

    String name(FieldCipher cipher) {
        return cipher.decrypt(nameCiphertext, NAME.at(id));
    }

    String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    @Override
    public String toString() {
        return "Attachment[" + id + "]";
    }
}
