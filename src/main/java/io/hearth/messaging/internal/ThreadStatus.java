package io.hearth.messaging.internal;

public enum ThreadStatus {
    OPEN, CLOSED
}
