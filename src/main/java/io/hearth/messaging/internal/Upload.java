package io.hearth.messaging.internal;

import io.hearth.crypto.StoredFile;

/**
 * An attachment that passed {@link AttachmentTypes} and is already in the encrypted file store, waiting to be put on
 * a message.
 *
 * @param name the name the sender gave it, only ever displayed
 */
public record Upload(String name, AttachmentType type, StoredFile file) {

    @Override
    public String toString() {
        return "Upload[" + file.id() + "]";
    }
}
