package io.hearth.records.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.records.RecordKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's records. Every query is scoped to the patient id, so an id from another record simply finds
 * nothing. Package-private: the pages read only through a {@link Chart}, which {@link RecordAccess} opens for someone
 * allowed to read that patient's record. No transaction: each query is one auto-committed statement (a page runs four or five, and a
 * JPA transaction around each would cost more than the query), and rows are immutable between imports.
 */
@Component
class RecordReader {

    private static final String FIELDS = "id, kind, patient_id, encounter_id, parent_id, category, status, code_key, effective_at, ended_at, "
            + "details_ciphertext";
    private static final String COLUMNS = "select " + FIELDS + " from record_entry ";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final DirectoryNames directory;

    RecordReader(JdbcTemplate jdbc, FieldCipher cipher, DirectoryNames directory) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.directory = directory;
    }

    /** The patient's record of this kind with this id; empty when there is none or it is another patient's. */
    Optional<StoredRecord> find(UUID patientId, RecordKind kind, UUID id) {
        return jdbc.query(COLUMNS + "where id = ? and patient_id = ? and kind = ?", this::map, id, patientId, kind.name()).stream().findFirst();
    }

    /** Newest first. */
    List<StoredRecord> list(UUID patientId, RecordQuery query) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("where patient_id = ? and kind = ?");
        List<Object> params = new ArrayList<>(List.of(patientId, query.kind().name()));
        if (query.category() != null) {
            sql.append(" and category = ?");
            params.add(query.category());
        }
        if (query.status() != null) {
            sql.append(" and status = ?");
            params.add(query.status());
        }
        if (query.notAfter() != null) {
            sql.append(" and effective_at <= ?");
            params.add(Timestamp.from(query.notAfter()));
        }
        if (query.after() != null) {
            sql.append(" and effective_at > ?");
            params.add(Timestamp.from(query.after()));
        }
        sql.append(" order by effective_at desc nulls last, id limit ? offset ?");
        params.add(query.limit());
        params.add(query.offset());
        return jdbc.query(sql.toString(), this::map, params.toArray());
    }

    /** The records grouped under these (a report's results, a visit's notes), oldest first. */
    List<StoredRecord> children(UUID patientId, RecordKind kind, String column, Collection<UUID> parents) {
        if (parents.isEmpty()) {
            return List.of();
        }
        if (!column.equals("parent_id") && !column.equals("encounter_id")) {
            throw new IllegalArgumentException("children by parent_id or encounter_id only");
        }
        List<Object> params = new ArrayList<>(List.of(patientId, kind.name()));
        params.addAll(parents);
        return jdbc.query(COLUMNS + "where patient_id = ? and kind = ? and " + column + " in ("
                + String.join(", ", java.util.Collections.nCopies(parents.size(), "?")) + ") order by effective_at, id", this::map, params.toArray());
    }

    /** The patient's records of this kind with these ids (others' ids find nothing). */
    Map<UUID, StoredRecord> byIds(UUID patientId, RecordKind kind, Collection<UUID> ids) {
        Map<UUID, StoredRecord> found = new HashMap<>();
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            List<Object> params = new ArrayList<>(List.of(patientId, kind.name()));
            params.addAll(wanted);
            jdbc.query(COLUMNS + "where patient_id = ? and kind = ? and id in (" + String.join(", ", java.util.Collections.nCopies(wanted.size(), "?"))
                    + ")", this::map, params.toArray()).forEach(record -> found.put(record.id(), record));
        }
        return found;
    }

    /** The patient records (demographics) with these ids. */
    List<StoredRecord> patients(Collection<UUID> ids) {
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return jdbc.query(COLUMNS + "where kind = 'PATIENT' and patient_id = id and id in ("
                + String.join(", ", java.util.Collections.nCopies(wanted.size(), "?")) + ")", this::map, wanted.toArray());
    }

    /** Every patient's demographics record (for staff who may look up any patient). */
    List<StoredRecord> allPatients() {
        return jdbc.query(COLUMNS + "where kind = 'PATIENT' and patient_id = id", this::map);
    }

    /** Every result of the same test, oldest first, up to the given time. */
    List<StoredRecord> sameTest(UUID patientId, String codeKey, Instant notAfter) {
        return jdbc.query(COLUMNS + "where patient_id = ? and kind = 'OBSERVATION' and code_key = ? and effective_at <= ? order by effective_at, id",
                this::map, patientId, codeKey, Timestamp.from(notAfter));
    }

    /** Names of directory entries by identifier ({@code system|value}). */
    Map<String, String> directoryNames(Collection<String> identifiers) {
        Map<String, String> all = directory.names();
        Map<String, String> names = new HashMap<>();
        identifiers.stream().filter(java.util.Objects::nonNull).forEach(identifier -> {
            String name = all.get(identifier);
            if (name != null) {
                names.put(identifier, name);
            }
        });
        return names;
    }

    /** The directory's practitioners with these identifiers ({@code system|value}), by identifier. */
    Map<String, UUID> practitionerIds(Collection<String> identifiers) {
        List<String> wanted = identifiers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, UUID> ids = new HashMap<>();
        if (!wanted.isEmpty()) {
            jdbc.query("select identifier, id from directory_entry where kind = 'PRACTITIONER' and identifier in ("
                    + String.join(", ", java.util.Collections.nCopies(wanted.size(), "?")) + ")",
                    row -> {
                        ids.put(row.getString(1), row.getObject(2, UUID.class));
                    }, wanted.toArray());
        }
        return ids;
    }

    /**
     * A page of the patient's results of one category, newest first, each with its report and the report's visit, in
     * one query (the page's reads are otherwise round trips to the database). Each record comes once, tagged with its
     * part (0 result, 1 report, 2 visit): a join would repeat a report and its visit beside every result of the report.
     */
    List<ResultInReport> resultsWithReports(UUID patientId, String category, Instant notAfter, int limit, int offset) {
        List<StoredRecord> results = new ArrayList<>();
        Map<UUID, StoredRecord> reports = new HashMap<>();
        Map<UUID, StoredRecord> visits = new HashMap<>();
        jdbc.query("with results as (select " + FIELDS + " from record_entry"
                + " where patient_id = ? and kind = 'OBSERVATION' and category = ? and effective_at <= ?"
                + " order by effective_at desc nulls last, id limit ? offset ?),"
                + " reports as (select " + FIELDS + " from record_entry where patient_id = ? and kind = 'DIAGNOSTIC_REPORT'"
                + " and id in (select parent_id from results))"
                + " select 0 as part, " + FIELDS + " from results"
                + " union all select 1, " + FIELDS + " from reports"
                + " union all select 2, " + FIELDS + " from record_entry where patient_id = ? and kind = 'ENCOUNTER'"
                + " and id in (select encounter_id from reports)"
                + " order by part, effective_at desc nulls last, id",
                row -> {
                    StoredRecord record = map(row, 0);
                    switch (row.getInt("part")) {
                        case 0 -> results.add(record);
                        case 1 -> reports.put(record.id(), record);
                        default -> visits.put(record.id(), record);
                    }
                }, patientId, category, Timestamp.from(notAfter), limit, offset, patientId, patientId);
        return results.stream().map(result -> {
            StoredRecord report = result.parentId() == null ? null : reports.get(result.parentId());
            return new ResultInReport(result, report, report == null || report.encounterId() == null ? null : visits.get(report.encounterId()));
        }).toList();
    }

    private StoredRecord map(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        Timestamp effective = row.getTimestamp("effective_at");
        Timestamp ended = row.getTimestamp("ended_at");
        return new StoredRecord(id, RecordKind.valueOf(row.getString("kind")), row.getObject("patient_id", UUID.class),
                row.getObject("encounter_id", UUID.class), row.getObject("parent_id", UUID.class), row.getString("category"),
                row.getString("status"), row.getString("code_key"), effective == null ? null : effective.toInstant(),
                ended == null ? null : ended.toInstant(),
                DetailsCodec.read(cipher.decrypt(row.getBytes("details_ciphertext"), RecordStore.DETAILS.at(id))));
    }
}
