package io.hearth.records.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.records.RecordKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One patient's record, opened by {@link RecordAccess} for someone allowed to read it (the patient, or clinical staff
 * of their care team): the only way the pages read records. Every read is scoped to this patient, so an id from another
 * record finds nothing; {@link #require} turns that into a 404 with the attempt audited, and {@link #viewed} audits
 * what was shown, always with this patient as the subject (their access log lists staff views).
 *
 * <p>A chart without a patient (a patient's account not linked to a record yet) reads nothing and audits no views.
 */
public final class Chart {

    private final RecordReader reader;
    private final AuditLog audit;
    private final Clock clock;
    private final UUID patient;
    private final Function<String, Duration> hold;
    private final boolean staff;
    private final Set<RecordKind> readable;

    Chart(RecordReader reader, AuditLog audit, Clock clock, UUID patient, Function<String, Duration> hold, boolean staff) {
        this(reader, audit, clock, patient, hold, staff, EnumSet.allOf(RecordKind.class));
    }

    /** @param readable the kinds of record this reader may see (front desk: demographics; billing: also claims) */
    Chart(RecordReader reader, AuditLog audit, Clock clock, UUID patient, Function<String, Duration> hold, boolean staff,
            Set<RecordKind> readable) {
        this.readable = Set.copyOf(readable);
        this.reader = reader;
        this.audit = audit;
        this.clock = clock;
        this.patient = patient;
        this.hold = hold;
        this.staff = staff;
    }

    /** The patient's id; null when the account has no record. */
    public UUID patientId() {
        return patient;
    }

    public boolean isEmpty() {
        return patient == null;
    }

    /** Whether this reader may see records of this kind (the pages offer only those). */
    public boolean mayRead(RecordKind kind) {
        return readable.contains(kind);
    }

    /**
     * Refuses a kind of record this reader's role does not need (minimum necessary): 404, the attempt audited. Every
     * read below passes through here, so a page cannot show what the role may not read.
     */
    private void requireReadable(RecordKind kind, Object what) {
        if (!readable.contains(kind)) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(patient).object(kind.name().toLowerCase(java.util.Locale.ROOT), what)
                    .because("not a kind of record this role reads"));
            throw new NotInRecordException();
        }
    }

    /** Opened by clinical staff (who see results before their release to the patient), not by the patient. */
    public boolean openedByStaff() {
        return staff;
    }

    /** Results of this category issued at or before this time are released to the reader. */
    public Instant releasedBefore(String category) {
        return clock.instant().minus(category == null ? Duration.ZERO : hold.apply(category));
    }

    /**
     * This record of the patient's, or a 404 with the attempt audited (another patient's id, or no such id).
     *
     * @param objectType how the audit trail names what was asked for
     */
    public StoredRecord require(RecordKind kind, UUID id, String objectType) {
        requireReadable(kind, id);
        return (patient == null ? java.util.Optional.<StoredRecord>empty() : reader.find(patient, kind, id)).orElseThrow(() -> {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(patient).object(objectType, id)
                    .because(staff ? "not in this patient's record" : "not in the signed-in patient's record"));
            return new NotInRecordException();
        });
    }

    /** As {@link #require}, for a result: one not released to the reader yet is not there for them (404, not a denial). */
    public StoredRecord requireReleased(RecordKind kind, UUID id, String objectType) {
        StoredRecord result = require(kind, id, objectType);
        if (result.effective() == null || result.effective().isAfter(releasedBefore(result.category()))) {
            throw new NotInRecordException();
        }
        return result;
    }

    /** The patient's demographics record, if there is one. */
    public java.util.Optional<StoredRecord> demographics() {
        requireReadable(RecordKind.PATIENT, patient);
        return patient == null ? java.util.Optional.empty() : reader.find(patient, RecordKind.PATIENT, patient);
    }

    /** Newest first. */
    public List<StoredRecord> list(RecordQuery query) {
        requireReadable(query.kind(), null);
        return patient == null ? List.of() : reader.list(patient, query);
    }

    /** The records grouped under these (a report's results by {@code parent_id}, a visit's notes by {@code encounter_id}), oldest first. */
    public List<StoredRecord> children(RecordKind kind, String column, Collection<UUID> parents) {
        requireReadable(kind, null);
        return patient == null ? List.of() : reader.children(patient, kind, column, parents);
    }

    public Map<UUID, StoredRecord> byIds(RecordKind kind, Collection<UUID> ids) {
        requireReadable(kind, null);
        return patient == null ? Map.of() : reader.byIds(patient, kind, ids);
    }

    /** Every result of the same test, oldest first, up to the given time. */
    public List<StoredRecord> sameTest(String codeKey, Instant notAfter) {
        requireReadable(RecordKind.OBSERVATION, null);
        return patient == null ? List.of() : reader.sameTest(patient, codeKey, notAfter);
    }

    /** A page of results of one category released to the reader, newest first, each with its report and visit. */
    public List<ResultInReport> releasedResults(String category, int limit, int offset) {
        requireReadable(RecordKind.OBSERVATION, null);
        return patient == null ? List.of() : reader.resultsWithReports(patient, category, releasedBefore(category), limit, offset);
    }

    /** Names of directory entries (practitioners, places: public) by identifier. */
    public Map<String, String> directoryNames(Collection<String> identifiers) {
        return reader.directoryNames(identifiers);
    }

    /** Audits that this part of the record was shown (nothing for a chart without a patient). */
    public void viewed(String objectType, Object objectId) {
        if (patient != null) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient(patient).object(objectType, objectId));
        }
    }

    @Override
    public String toString() {
        return "Chart[" + patient + (staff ? ", staff" : "") + "]";
    }
}
