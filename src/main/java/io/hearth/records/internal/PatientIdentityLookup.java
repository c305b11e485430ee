package io.hearth.records.internal;

import io.hearth.records.PatientIdentities;
import io.hearth.records.RecordKind;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class PatientIdentityLookup implements PatientIdentities {

    private final RecordReader reader;

    PatientIdentityLookup(RecordReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<PatientIdentity> of(UUID patientId) {
        return reader.find(patientId, RecordKind.PATIENT, patientId).map(patient -> {
            String birthDate = patient.details().extra().get("birthDate");
            return new PatientIdentity(patient.details().title(), parse(birthDate));
        });
    }

    @Override
    public List<PatientMatch> search(String typed, int limit) {
        String wanted = folded(typed == null ? "" : typed.strip());
        if (wanted.isEmpty()) {
            return List.of();
        }
        LocalDate birthDate = wanted.matches("\\d{4}-\\d{2}-\\d{2}") ? parse(wanted) : null;
        List<String> words = List.of(wanted.split("\\s+"));
        return reader.allPatients().stream()
                .map(patient -> new PatientMatch(patient.id(), patient.details().title(), parse(patient.details().extra().get("birthDate"))))
                .filter(patient -> birthDate != null ? birthDate.equals(patient.birthDate())
                        : patient.name() != null && words.stream().allMatch(folded(patient.name())::contains))
                .sorted(Comparator.comparing(PatientMatch::name, Comparator.nullsLast(Comparator.<String>naturalOrder())).thenComparing(PatientMatch::id))
                .limit(Math.max(1, limit)).toList();
    }

    /** Lower case without accents, so "jose" finds "José". */
    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static LocalDate parse(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null; // the EHR sent only a year or a month: no exact date to compare with
        }
    }
}
