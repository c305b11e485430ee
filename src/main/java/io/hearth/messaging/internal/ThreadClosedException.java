package io.hearth.messaging.internal;

/** A closed thread takes no more messages; the practice reopens it, or the patient starts a new one. */
public class ThreadClosedException extends RuntimeException {

    ThreadClosedException() {
        super("The conversation is closed");
    }
}
