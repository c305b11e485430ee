package io.hearth.medications.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Medication and renewal settings ({@code hearth.medications.*}, documented in application.yml and README.md).
 *
 * @param notRenewableWords ingredient words (any case, anywhere in the medication's name) of medicines that cannot be
 *     renewed online: the patient is asked to call the practice. Defaults to common controlled substances.
 * @param notRenewableCodes codes (RxNorm, the part after {@code |}) of medicines that cannot be renewed online
 * @param maxPharmacyLength longest pharmacy, in characters
 * @param maxNoteLength longest note from the patient, in characters
 * @param maxReasonLength longest reason for a denial, in characters
 * @param maxQuantity largest quantity an approval may set
 * @param maxRefills most refills an approval may set
 */
@ConfigurationProperties("hearth.medications")
public record MedicationsProperties(
        @DefaultValue({ "oxycodone", "hydrocodone", "fentanyl", "morphine", "tramadol", "alprazolam", "lorazepam", "diazepam", "clonazepam",
                "methylphenidate", "amphetamine", "buprenorphine", "zolpidem" }) List<String> notRenewableWords,
        @DefaultValue List<String> notRenewableCodes,
        @DefaultValue("200") int maxPharmacyLength,
        @DefaultValue("1000") int maxNoteLength,
        @DefaultValue("1000") int maxReasonLength,
        @DefaultValue("1000") int maxQuantity,
        @DefaultValue("12") int maxRefills) {

    public MedicationsProperties {
        notRenewableWords = List.copyOf(notRenewableWords);
        notRenewableCodes = List.copyOf(notRenewableCodes);
    }
}
