package io.hearth.medications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import io.hearth.records.MedicationLists.Medication;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenewalRequestTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Clock LATER = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
    static final MedicationsProperties SETTINGS = new MedicationsProperties(List.of("oxycodone", "hydrocodone"), List.of("1049221"), 200,
            1000, 1000, 1000, 12);
    static final OnlineRenewalPolicy POLICY = new OnlineRenewalPolicy(SETTINGS);

    final BoundCipher cipher = new BoundCipher();

    @Test
    void askingMakesAPendingRequestWithThePharmacyAndNoteBoundToTheirRow() {
        Medication medication = medication("Simvastatin 10 MG Oral Tablet", "314231", "active");
        RenewalRequest request = RenewalRequest.ask(medication, POLICY, "Main Street Pharmacy", "Running out Friday", "ada", CLOCK, cipher);

        assertThat(request.status()).isEqualTo(RenewalStatus.PENDING);
        assertThat(request.patientId()).isEqualTo(medication.patientId());
        assertThat(request.medicationId()).isEqualTo(medication.id());
        assertThat(request.prescriberId()).isEqualTo(medication.prescriberId());
        assertThat(request.requestedBy()).isEqualTo("ada");
        assertThat(request.requestedAt()).isEqualTo(NOW);
        assertThat(request.pharmacy(cipher)).isEqualTo("Main Street Pharmacy");
        assertThat(request.note(cipher)).isEqualTo("Running out Friday");
        assertThat(cipher.contexts).contains(RenewalRequest.PHARMACY.at(request.id()), RenewalRequest.NOTE.at(request.id()));
        assertThat(request.toString()).doesNotContain("Main Street", "Running");
    }

    @Test
    void theNoteIsOptionalButThePharmacyIsNot() {
        Medication medication = medication("Simvastatin 10 MG Oral Tablet", "314231", "active");

        assertThat(RenewalRequest.ask(medication, POLICY, "Corner Pharmacy", null, "ada", CLOCK, cipher).note(cipher)).isNull();
        assertThatThrownBy(() -> RenewalRequest.ask(medication, POLICY, " ", null, "ada", CLOCK, cipher))
                .isInstanceOfSatisfying(RenewalRefusedException.class, refused -> {
                    assertThat(refused.key()).isEqualTo("renewals.error.pharmacy");
                    assertThat(refused.status()).isEqualTo(400);
                });
    }

    @Test
    void onlyAnActiveMedicationCanBeRenewed() {
        assertThatThrownBy(() -> RenewalRequest.ask(medication("Simvastatin 10 MG Oral Tablet", "314231", "stopped"), POLICY, "Corner Pharmacy",
                null, "ada", CLOCK, cipher)).isInstanceOfSatisfying(RenewalRefusedException.class, refused -> {
                    assertThat(refused.key()).isEqualTo("renewals.refused.notActive");
                    assertThat(refused.status()).isEqualTo(409);
                });
    }

    @Test
    void controlledSubstancesAreRenewedOnlyByPhoneByNameInAnyCaseOrByCode() {
        for (Medication controlled : List.of(medication("HYDROcodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet", "856999", "active"),
                medication("Percocet", "1049221", "active"), medication(null, null, "active"))) {
            assertThat(POLICY.refusal(controlled)).as(controlled.title()).hasValue(OnlineRenewalPolicy.Refusal.CALL_PRACTICE);
            assertThatThrownBy(() -> RenewalRequest.ask(controlled, POLICY, "Corner Pharmacy", null, "ada", CLOCK, cipher))
                    .isInstanceOfSatisfying(RenewalRefusedException.class,
                            refused -> assertThat(refused.key()).isEqualTo("renewals.refused.callPractice"));
        }
        assertThat(POLICY.refusal(medication("Lisinopril 10 MG Oral Tablet", "314076", "active"))).isEmpty();
    }

    @Test
    void approvingRecordsWhoAndWhenAndTheChanges() {
        RenewalRequest request = pending();
        request.approve("dr.one", new RenewalChanges(30, 2), LATER, cipher);

        assertThat(request.status()).isEqualTo(RenewalStatus.APPROVED);
        assertThat(request.decidedBy()).isEqualTo("dr.one");
        assertThat(request.decidedAt()).isEqualTo(LATER.instant());
        assertThat(request.changes(cipher)).isEqualTo(new RenewalChanges(30, 2));
        assertThat(cipher.contexts).contains(RenewalRequest.CHANGES.at(request.id()));
    }

    @Test
    void approvingAsPrescribedStoresNoChanges() {
        RenewalRequest request = pending();
        request.approve("dr.one", RenewalChanges.NONE, LATER, cipher);

        assertThat(request.changes(cipher)).isEqualTo(RenewalChanges.NONE);
    }

    @Test
    void denyingNeedsAReasonAndKeepsIt() {
        RenewalRequest request = pending();
        assertThatThrownBy(() -> request.deny("dr.one", "  ", LATER, cipher)).isInstanceOfSatisfying(RenewalRefusedException.class,
                refused -> assertThat(refused.status()).isEqualTo(400));
        assertThat(request.status()).as("nothing decided").isEqualTo(RenewalStatus.PENDING);

        request.deny("dr.one", "Please book a visit first", LATER, cipher);
        assertThat(request.status()).isEqualTo(RenewalStatus.DENIED);
        assertThat(request.reason(cipher)).isEqualTo("Please book a visit first");
        assertThat(request.decidedAt()).isEqualTo(LATER.instant());
    }

    @Test
    void cannotApproveTwice() {
        RenewalRequest request = pending();
        request.approve("dr.one", new RenewalChanges(30, null), LATER, cipher);

        assertThatThrownBy(() -> request.approve("dr.two", new RenewalChanges(90, 5), CLOCK, cipher))
                .isInstanceOfSatisfying(RenewalRefusedException.class, refused -> {
                    assertThat(refused.key()).isEqualTo("renewals.error.decided");
                    assertThat(refused.status()).isEqualTo(409);
                });
        assertThat(request.decidedBy()).isEqualTo("dr.one");
        assertThat(request.changes(cipher)).isEqualTo(new RenewalChanges(30, null));
    }

    @Test
    void cannotDenyWhatWasDecided() {
        RenewalRequest approved = pending();
        approved.approve("dr.one", RenewalChanges.NONE, LATER, cipher);
        RenewalRequest denied = pending();
        denied.deny("dr.one", "Stop taking it", LATER, cipher);

        assertThatThrownBy(() -> approved.deny("dr.two", "No", LATER, cipher)).isInstanceOf(RenewalRefusedException.class);
        assertThatThrownBy(() -> denied.approve("dr.two", RenewalChanges.NONE, LATER, cipher)).isInstanceOf(RenewalRefusedException.class);
        assertThat(approved.status()).isEqualTo(RenewalStatus.APPROVED);
        assertThat(denied.status()).isEqualTo(RenewalStatus.DENIED);
    }

    @Test
    void aWithdrawnRequestCannotBeDecidedAndADecidedOneCannotBeWithdrawn() {
        RenewalRequest withdrawn = pending();
        withdrawn.withdraw("ada.patient", LATER);
        RenewalRequest approved = pending();
        approved.approve("dr.one", RenewalChanges.NONE, LATER, cipher);

        assertThatThrownBy(() -> withdrawn.approve("dr.one", RenewalChanges.NONE, LATER, cipher)).isInstanceOf(RenewalRefusedException.class);
        assertThatThrownBy(() -> approved.withdraw("ada.patient", LATER)).isInstanceOf(RenewalRefusedException.class);
        assertThat(withdrawn.status()).isEqualTo(RenewalStatus.WITHDRAWN);
        assertThat(approved.status()).isEqualTo(RenewalStatus.APPROVED);
    }

    @Test
    void changesAreWholeNumbersInRangeAndBlankMeansAsPrescribed() {
        assertThat(RenewalChanges.parse("", " ", SETTINGS)).isEqualTo(RenewalChanges.NONE);
        assertThat(RenewalChanges.parse(" 90 ", "0", SETTINGS)).isEqualTo(new RenewalChanges(90, 0));
        assertThat(RenewalChanges.decode(new RenewalChanges(90, null).encode())).isEqualTo(new RenewalChanges(90, null));
        for (String[] typed : new String[][] { { "abc", null, "renewals.error.quantity" }, { "0", null, "renewals.error.quantity" },
                { "1001", null, "renewals.error.quantity" }, { "-5", null, "renewals.error.quantity" }, { "2.5", null, "renewals.error.quantity" },
                { null, "13", "renewals.error.refills" }, { null, "two", "renewals.error.refills" },
                { null, "99999999999999", "renewals.error.refills" } }) {
            assertThatThrownBy(() -> RenewalChanges.parse(typed[0], typed[1], SETTINGS)).as(typed[0] + "/" + typed[1])
                    .isInstanceOfSatisfying(RenewalRefusedException.class, refused -> assertThat(refused.key()).isEqualTo(typed[2]));
        }
    }

    private RenewalRequest pending() {
        return RenewalRequest.ask(medication("Simvastatin 10 MG Oral Tablet", "314231", "active"), POLICY, "Corner Pharmacy", null, "ada", CLOCK,
                cipher);
    }

    static Medication medication(String title, String rxnorm, String status) {
        return new Medication(UUID.randomUUID(), UUID.randomUUID(), title, rxnorm == null ? null : "http://www.nlm.nih.gov/research/umls/rxnorm|" + rxnorm,
                null, status, NOW.minusSeconds(86_400), UUID.randomUUID(), "Dr. Pat Doctor");
    }

    /** Not encryption: the value tagged with its context, so a value read under another row's context fails. */
    static final class BoundCipher implements FieldCipher {

        final List<FieldContext> contexts = new java.util.ArrayList<>();

        @Override
        public byte[] encrypt(String plaintext, FieldContext context) {
            if (plaintext == null) {
                return null;
            }
            contexts.add(context);
            return (context + "\u0000" + plaintext).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decrypt(byte[] ciphertext, FieldContext context) {
            if (ciphertext == null) {
                return null;
            }
            String[] parts = new String(ciphertext, StandardCharsets.UTF_8).split("\u0000", 2);
            if (!parts[0].equals(context.toString())) {
                throw new IllegalStateException("read under another context");
            }
            return parts[1];
        }

        @Override
        public byte[] encryptBytes(byte[] plaintext, FieldContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] decryptBytes(byte[] ciphertext, FieldContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] reencrypt(byte[] ciphertext, FieldContext context) {
            return ciphertext;
        }

        @Override
        public int primaryKeyId() {
            return 1;
        }
    }
}
