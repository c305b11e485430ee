package io.hearth.medications.internal;

import io.hearth.records.MedicationLists.Medication;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the pages show; PHI, so none of these print their content. */
public final class Views {

    private Views() {
    }

    /**
     * One renewal request as its patient or a clinician sees it.
     *
     * @param changes what an approval changed (empty when nothing, or not approved)
     * @param reason why it was denied (null otherwise)
     */
    public record RequestView(UUID id, UUID medicationId, RenewalStatus status, String pharmacy, String note, Instant requestedAt,
            Instant decidedAt, String decidedByName, RenewalChanges changes, String reason) {

        public boolean pending() {
            return status == RenewalStatus.PENDING;
        }

        @Override
        public String toString() {
            return "RequestView[" + id + "]";
        }
    }

    /**
     * A medication on the patient's list.
     *
     * @param refusal why it cannot be renewed online; null when it can
     * @param latest the newest request for it, if any
     * @param lastRenewed when a request for it was last approved, if ever
     */
    public record MedicationRow(Medication medication, OnlineRenewalPolicy.Refusal refusal, RequestView latest, Instant lastRenewed) {

        public boolean renewable() {
            return refusal == null && (latest == null || !latest.pending());
        }

        @Override
        public String toString() {
            return "MedicationRow[" + medication.id() + "]";
        }
    }

    /** A medication with every request made for it, newest first. */
    public record MedicationDetail(MedicationRow row, List<RequestView> requests) {

        @Override
        public String toString() {
            return "MedicationDetail[" + row.medication().id() + "]";
        }
    }

    /** @param mine whether the clinician is the medication's prescriber */
    public record QueueItem(UUID id, UUID patientId, String patientName, String medicationTitle, String prescriberName, boolean mine,
            Instant requestedAt) {

        @Override
        public String toString() {
            return "QueueItem[" + id + "]";
        }
    }

    /** A request as the clinician decides it: the patient, the medication as prescribed, the request. */
    public record StaffView(RequestView request, UUID patientId, String patientName, Medication medication) {

        @Override
        public String toString() {
            return "StaffView[" + request.id() + "]";
        }
    }

    /** @param duplicate a request was pending already; it is the one returned, nothing new was made */
    public record Requested(UUID requestId, boolean duplicate) {
    }
}
