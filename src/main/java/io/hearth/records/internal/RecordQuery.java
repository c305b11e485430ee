package io.hearth.records.internal;

import io.hearth.records.RecordKind;
import java.time.Instant;

/** A filter on one kind of a patient's records, read through a {@link Chart}; {@code null} parts do not filter. */
public record RecordQuery(RecordKind kind, String category, String status, Instant notAfter, Instant after, int limit, int offset) {

    public static RecordQuery of(RecordKind kind) {
        return new RecordQuery(kind, null, null, null, null, 500, 0);
    }

    public RecordQuery category(String value) {
        return new RecordQuery(kind, value, status, notAfter, after, limit, offset);
    }

    public RecordQuery status(String value) {
        return new RecordQuery(kind, category, value, notAfter, after, limit, offset);
    }

    /** Only records that happened at or before this time (released results, past visits). */
    public RecordQuery notAfter(Instant value) {
        return new RecordQuery(kind, category, status, value, after, limit, offset);
    }

    public RecordQuery after(Instant value) {
        return new RecordQuery(kind, category, status, notAfter, value, limit, offset);
    }

    public RecordQuery page(int size, int skip) {
        return new RecordQuery(kind, category, status, notAfter, after, size, skip);
    }
}
