package io.hearth.records.internal;

import io.hearth.records.MedicationLists;
import io.hearth.records.RecordDetails;
import io.hearth.records.RecordKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link MedicationLists} over the patient's MEDICATION_REQUEST records, prescribers resolved through the directory. */
@Component
class MedicationListReader implements MedicationLists {

    static final int MAX_MEDICATIONS = 500;

    private final RecordReader reader;

    MedicationListReader(RecordReader reader) {
        this.reader = reader;
    }

    @Override
    public List<Medication> of(UUID patientId) {
        List<StoredRecord> records = reader.list(patientId, RecordQuery.of(RecordKind.MEDICATION_REQUEST).page(MAX_MEDICATIONS, 0));
        Prescribers prescribers = prescribers(records);
        return records.stream().map(record -> medication(record, prescribers))
                .sorted(Comparator.comparing((Medication medication) -> !medication.active())).toList();
    }

    @Override
    public Optional<Medication> find(UUID patientId, UUID medicationId) {
        return reader.find(patientId, RecordKind.MEDICATION_REQUEST, medicationId)
                .map(record -> medication(record, prescribers(List.of(record))));
    }

    private record Prescribers(Map<String, String> names, Map<String, UUID> ids) {
    }

    private Prescribers prescribers(List<StoredRecord> records) {
        List<String> identifiers = records.stream().map(record -> record.details().performer()).filter(Objects::nonNull).distinct().toList();
        return new Prescribers(reader.directoryNames(identifiers), reader.practitionerIds(identifiers));
    }

    private static Medication medication(StoredRecord record, Prescribers prescribers) {
        RecordDetails details = record.details();
        String performer = details.performer();
        String name = performer == null ? null : prescribers.names().get(performer);
        return new Medication(record.id(), record.patientId(), details.title(), details.code(), blankToNull(details.text()), record.status(),
                record.effective(), performer == null ? null : prescribers.ids().get(performer), name != null ? name : details.performerName());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
