package io.hearth.records.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.BlindIndex;
import io.hearth.crypto.EncryptedColumn;
import io.hearth.crypto.FieldCipher;
import io.hearth.records.DirectoryEntry;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportBatch;
import io.hearth.records.ImportRejectedException;
import io.hearth.records.ImportResult;
import io.hearth.records.RecordEntry;
import io.hearth.records.RecordKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores import batches: plain JDBC in batches (an import writes thousands of rows; a persistence context per row
 * would cost more than the encryption), one transaction per batch.
 */
@Service
class RecordStore implements HealthRecords {

    static final EncryptedColumn DETAILS = EncryptedColumn.of("record_entry", "details_ciphertext");
    static final Actor IMPORTER = Actor.system("fhir-import");
    private static final int CHUNK = 500;

    private record Existing(UUID id, RecordKind kind, UUID patientId, UUID parentId, String contentKey) {
    }

    private record Counts(Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged) {
        Counts() {
            this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        }
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final AuditLog audit;
    private final Clock clock;
    private final DirectoryNames directoryNames;

    RecordStore(JdbcTemplate jdbc, FieldCipher cipher, BlindIndex index, AuditLog audit, Clock clock, DirectoryNames directoryNames) {
        this.directoryNames = directoryNames;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ImportResult store(ImportBatch batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Counts counts = new Counts();
        storeDirectory(batch.directory(), now, counts);
        Set<UUID> patients = storeRecords(batch, now, counts);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.RECORD_IMPORTED, AuditOutcome.SUCCESS).by(IMPORTER)
                .object("import-batch", UUID.randomUUID()).because(batch.origin() + "; created " + counts.created()
                        + "; updated " + counts.updated() + "; unchanged " + counts.unchanged() + "; not stored " + batch.notStored()));
        return new ImportResult(counts.created(), counts.updated(), counts.unchanged(), new TreeMap<>(batch.notStored()), patients);
    }

    // ---- directory ------------------------------------------------------------------------------------------

    private void storeDirectory(List<DirectoryEntry> entries, Instant now, Counts counts) {
        Map<String, DirectoryEntry> byKey = new HashMap<>();
        for (DirectoryEntry entry : entries) {
            if (byKey.put(entry.kind() + "|" + entry.identifier(), entry) != null) {
                throw new ImportRejectedException(entry.label(), "its identifier appears twice in the bundle");
            }
        }
        Map<String, String[]> existing = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(entries.stream().map(DirectoryEntry::identifier).toList())))) {
            jdbc.query("select kind, identifier, id, name, address from directory_entry where identifier in (" + placeholders(chunk.size()) + ")",
                    row -> {
                        existing.put(row.getString(1) + "|" + row.getString(2),
                                new String[] { row.getString(3), row.getString(4), row.getString(5) });
                    }, chunk.toArray());
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (DirectoryEntry entry : entries) {
            String type = typeName(entry.kind().name());
            String[] known = existing.get(entry.kind() + "|" + entry.identifier());
            if (known == null) {
                inserts.add(new Object[] { UUID.randomUUID(), entry.kind().name(), entry.identifier(), entry.name(), entry.address(), Timestamp.from(now) });
                counts.created().merge(type, 1, Integer::sum);
            } else if (!Objects.equals(known[1], entry.name()) || !Objects.equals(known[2], entry.address())) {
                updates.add(new Object[] { entry.name(), entry.address(), Timestamp.from(now), UUID.fromString(known[0]) });
                counts.updated().merge(type, 1, Integer::sum);
            } else {
                counts.unchanged().merge(type, 1, Integer::sum);
            }
        }
        jdbc.batchUpdate("insert into directory_entry (id, kind, identifier, name, address, imported_at) values (?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("update directory_entry set name = ?, address = ?, imported_at = ? where id = ?", updates);
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    directoryNames.changed();
                }
            });
        }
    }

    // ---- clinical records ---------------------------------------------------------------------------------------

    private Set<UUID> storeRecords(ImportBatch batch, Instant now, Counts counts) {
        List<RecordEntry> entries = batch.entries();
        Map<String, String> hashes = new HashMap<>();
        Set<String> referenced = new LinkedHashSet<>();
        Map<String, RecordEntry> inBatch = new HashMap<>();
        for (RecordEntry entry : entries) {
            if (inBatch.put(entry.sourceKey(), entry) != null) {
                throw new ImportRejectedException(entry.label(), "its identity appears twice in the bundle");
            }
            referenced.add(entry.sourceKey());
            if (entry.patientKey() != null) {
                referenced.add(entry.patientKey());
            }
            if (entry.encounterKey() != null) {
                referenced.add(entry.encounterKey());
            }
            referenced.addAll(entry.memberKeys());
        }
        for (String key : referenced) {
            hashes.put(key, index.of("records.source", key));
        }
        Map<String, Existing> existing = loadExisting(hashes.values());

        Map<String, UUID> ids = new HashMap<>();
        for (RecordEntry entry : entries) {
            Existing known = existing.get(hashes.get(entry.sourceKey()));
            if (known != null && known.kind() != entry.kind()) {
                throw new ImportRejectedException(entry.label(), "its identity is already stored as another kind of record");
            }
            ids.put(entry.sourceKey(), known == null ? UUID.randomUUID() : known.id());
        }
        Resolver resolver = new Resolver(inBatch, ids, existing, hashes);

        Map<UUID, UUID> patientOf = new HashMap<>();
        for (RecordEntry entry : entries) {
            UUID id = ids.get(entry.sourceKey());
            if (entry.kind() == RecordKind.PATIENT) {
                patientOf.put(id, id);
            } else if (entry.kind().patientScoped()) {
                UUID patient = resolver.resolve(entry.patientKey(), RecordKind.PATIENT)
                        .orElseThrow(() -> new ImportRejectedException(entry.label(),
                                "its patient reference does not resolve to a patient in this bundle or stored before"));
                patientOf.put(id, patient);
            }
            Existing known = existing.get(hashes.get(entry.sourceKey()));
            if (known != null && known.patientId() != null && !known.patientId().equals(patientOf.get(id))) {
                throw new ImportRejectedException(entry.label(), "it is stored in another patient's record and cannot move");
            }
        }
        Map<UUID, UUID> parentOf = new HashMap<>();
        for (RecordEntry entry : entries) {
            UUID id = ids.get(entry.sourceKey());
            for (String member : entry.memberKeys()) {
                UUID memberId = resolver.resolve(member, RecordKind.OBSERVATION).orElseThrow(() -> new ImportRejectedException(entry.label(),
                        "a result reference does not resolve to an observation in this bundle or stored before"));
                if (!Objects.equals(resolver.patientOf(member, patientOf), patientOf.get(id))) {
                    throw new ImportRejectedException(entry.label(), "a result belongs to another patient");
                }
                parentOf.put(memberId, id);
            }
        }

        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> parents = new ArrayList<>();
        List<Object[]> careLinks = new ArrayList<>();
        List<Object[]> careSources = new ArrayList<>();
        Map<UUID, Counts> perPatient = new HashMap<>();
        Timestamp importedAt = Timestamp.from(now);
        for (RecordEntry entry : entries) {
            UUID id = ids.get(entry.sourceKey());
            UUID patient = patientOf.get(id);
            UUID encounter = null;
            if (entry.encounterKey() != null) {
                encounter = resolver.resolve(entry.encounterKey(), RecordKind.ENCOUNTER).orElseThrow(() -> new ImportRejectedException(
                        entry.label(), "its encounter reference does not resolve to a visit in this bundle or stored before"));
                if (!Objects.equals(resolver.patientOf(entry.encounterKey(), patientOf), patient)) {
                    throw new ImportRejectedException(entry.label(), "its encounter belongs to another patient");
                }
            }
            Existing known = existing.get(hashes.get(entry.sourceKey()));
            UUID parent = parentOf.getOrDefault(id, known == null ? null : known.parentId());
            if (known != null && !Objects.equals(parent, known.parentId())) {
                parents.add(new Object[] { parent, id });
            }
            String json = DetailsCodec.write(entry.details());
            String codeKey = entry.code() == null ? null : index.of("records.code", entry.code());
            String contentKey = index.of("records.content", String.join("\u001f", entry.kind().name(), String.valueOf(patient),
                    String.valueOf(encounter), String.valueOf(entry.category()), String.valueOf(entry.status()), String.valueOf(codeKey),
                    String.valueOf(entry.effective()), String.valueOf(entry.ended()), String.join(",", entry.practitioners()), json));
            String type = typeName(entry.kind().name());
            Counts patientCounts = patient == null ? null : perPatient.computeIfAbsent(patient, p -> new Counts());
            if (known != null && known.contentKey().equals(contentKey)) {
                counts.unchanged().merge(type, 1, Integer::sum);
                continue;
            }
            byte[] details = cipher.encrypt(json, DETAILS.at(id));
            Timestamp effective = entry.effective() == null ? null : Timestamp.from(entry.effective());
            Timestamp ended = entry.ended() == null ? null : Timestamp.from(entry.ended());
            if (known == null) {
                inserts.add(new Object[] { id, entry.kind().name(), hashes.get(entry.sourceKey()), contentKey, patient, encounter, parent,
                        entry.category(), entry.status(), codeKey, effective, ended, details, importedAt });
                counts.created().merge(type, 1, Integer::sum);
                if (patientCounts != null) {
                    patientCounts.created().merge(type, 1, Integer::sum);
                }
            } else {
                updates.add(new Object[] { contentKey, encounter, entry.category(), entry.status(), codeKey, effective, ended, details,
                        importedAt, id });
                counts.updated().merge(type, 1, Integer::sum);
                if (patientCounts != null) {
                    patientCounts.updated().merge(type, 1, Integer::sum);
                }
            }
            if (patient != null && (entry.kind() == RecordKind.ENCOUNTER || entry.kind() == RecordKind.CARE_TEAM)) {
                careSources.add(new Object[] { id });
                for (String practitioner : new LinkedHashSet<>(entry.practitioners())) {
                    careLinks.add(new Object[] { id, practitioner, patient });
                }
            }
        }
        jdbc.batchUpdate("""
                insert into record_entry (id, kind, source_key, content_key, patient_id, encounter_id, parent_id, category, status,
                    code_key, effective_at, ended_at, details_ciphertext, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        jdbc.batchUpdate("""
                update record_entry set content_key = ?, encounter_id = ?, category = ?, status = ?, code_key = ?, effective_at = ?,
                    ended_at = ?, details_ciphertext = ?, imported_at = ? where id = ?""", updates);
        jdbc.batchUpdate("update record_entry set parent_id = ? where id = ?", parents);
        jdbc.batchUpdate("delete from care_relationship where source_id = ?", careSources);
        jdbc.batchUpdate("insert into care_relationship (source_id, practitioner_identifier, patient_id) values (?, ?, ?)", careLinks);
        perPatient.forEach((patient, changed) -> {
            if (!changed.created().isEmpty() || !changed.updated().isEmpty()) {
                audit.recordAfterCommit(AuditEvent.of(AuditAction.RECORD_IMPORTED, AuditOutcome.SUCCESS).by(IMPORTER).patient(patient)
                        .object("health-record", patient).because(batch.origin() + "; created " + changed.created() + "; updated " + changed.updated()));
            }
        });
        return new HashSet<>(perPatient.keySet());
    }

    /** Source keys to ids and kinds, from the batch first, then from what is stored. */
    private record Resolver(Map<String, RecordEntry> inBatch, Map<String, UUID> ids, Map<String, Existing> existing, Map<String, String> hashes) {

        Optional<UUID> resolve(String key, RecordKind kind) {
            if (key == null) {
                return Optional.empty();
            }
            RecordEntry entry = inBatch.get(key);
            if (entry != null) {
                return entry.kind() == kind ? Optional.of(ids.get(key)) : Optional.empty();
            }
            Existing known = existing.get(hashes.get(key));
            return known != null && known.kind() == kind ? Optional.of(known.id()) : Optional.empty();
        }

        UUID patientOf(String key, Map<UUID, UUID> patientsInBatch) {
            if (inBatch.containsKey(key)) {
                return patientsInBatch.get(ids.get(key));
            }
            Existing known = existing.get(hashes.get(key));
            return known == null ? null : known.patientId();
        }
    }

    private Map<String, Existing> loadExisting(Collection<String> sourceKeys) {
        Map<String, Existing> existing = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(sourceKeys))) {
            jdbc.query("select source_key, id, kind, patient_id, parent_id, content_key from record_entry where source_key in ("
                    + placeholders(chunk.size()) + ")", row -> {
                        existing.put(row.getString(1), new Existing(row.getObject(2, UUID.class), RecordKind.valueOf(row.getString(3)),
                                row.getObject(4, UUID.class), row.getObject(5, UUID.class), row.getString(6)));
                    }, chunk.toArray());
        }
        return existing;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** PRACTITIONER -> Practitioner, DIAGNOSTIC_REPORT -> DiagnosticReport: how counts are reported. */
    static String typeName(String kind) {
        return switch (kind) {
            case "ALLERGY" -> "AllergyIntolerance";
            case "DOCUMENT" -> "DocumentReference";
            default -> java.util.Arrays.stream(kind.split("_"))
                    .map(part -> part.charAt(0) + part.substring(1).toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining());
        };
    }

    // ---- queries for other modules ------------------------------------------------------------------------------

    @Override
    public void refreshStatistics() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        if (postgres) { // H2, for development only, plans without them
            jdbc.execute("select refresh_record_statistics()");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasPatient(UUID patientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from record_entry where id = ? and kind = 'PATIENT'",
                Boolean.class, patientId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> practitionerByIdentifier(String identifier) {
        return jdbc.queryForList("select id from directory_entry where kind = 'PRACTITIONER' and identifier = ?", UUID.class, identifier)
                .stream().findFirst();
    }
}
