package io.hearth.records.internal;

import io.hearth.records.PatientIdentities;
import io.hearth.records.RecordKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    private static LocalDate parse(String date) {
        try {
            return date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null; // the EHR sent only a year or a month: no exact date to compare with
        }
    }
}
