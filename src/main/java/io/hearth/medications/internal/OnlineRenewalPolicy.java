package io.hearth.medications.internal;

import io.hearth.records.MedicationLists.Medication;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which medications a patient may ask to renew online: active ones, except those the practice renews only by phone
 * (controlled substances by default: {@code hearth.medications.not-renewable-*}). A medication without a name cannot
 * be checked, so it is not renewed online either.
 */
@Component
public class OnlineRenewalPolicy {

    /** Why a medication cannot be renewed online, as a message key. */
    public enum Refusal {
        NOT_ACTIVE("renewals.refused.notActive"),
        CALL_PRACTICE("renewals.refused.callPractice");

        private final String key;

        Refusal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final MedicationsProperties settings;

    OnlineRenewalPolicy(MedicationsProperties settings) {
        this.settings = settings;
    }

    /** Empty when the patient may ask to renew it online. */
    public Optional<Refusal> refusal(Medication medication) {
        if (!medication.active()) {
            return Optional.of(Refusal.NOT_ACTIVE);
        }
        return onlyByPhone(medication) ? Optional.of(Refusal.CALL_PRACTICE) : Optional.empty();
    }

    private boolean onlyByPhone(Medication medication) {
        if (medication.title() == null || medication.title().isBlank()) {
            return true;
        }
        String title = medication.title().toLowerCase(Locale.ROOT);
        if (settings.notRenewableWords().stream().anyMatch(word -> !word.isBlank() && title.contains(word.toLowerCase(Locale.ROOT).strip()))) {
            return true;
        }
        String code = medication.code() == null ? null : medication.code().substring(medication.code().lastIndexOf('|') + 1);
        return code != null && settings.notRenewableCodes().stream().anyMatch(listed -> listed.strip().equals(code));
    }
}
