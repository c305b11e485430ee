package io.hearth.notifications.internal;

/** Where a notice is in the outbox. A claimed notice is still PENDING, with a claim that lapses. */
public enum NoticeStatus {
    PENDING, SENT, FAILED
}
