package io.hearth.records.internal;

/** A result with the report it belongs to and that report's visit (each null when there is none). */
public record ResultInReport(StoredRecord result, StoredRecord report, StoredRecord visit) {
}
