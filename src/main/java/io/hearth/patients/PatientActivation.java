package io.hearth.patients;

import java.time.LocalDate;
import java.util.UUID;

/** How a patient's account comes to be: the practice gives them an activation code for their record. */
public interface PatientActivation {

    /**
     * A new single-use code for the patient record, valid 30 days; earlier unused codes for it stop working. Shown
     * once: only its hash is kept. Audited.
     *
     * @throws ActivationRefusedException when there is no such record or it already has an account
     */
    String issueCode(UUID patientId);

    /**
     * Opens the patient's account: the code must be valid and the date of birth the record's; then the account is
     * made with the chosen username and password, linked to the record, and its email address is sent a confirmation
     * link. All of it or nothing. A wrong code or date counts toward the client address's throttle and gets one
     * message whatever was wrong, so nobody learns whether a code exists.
     *
     * @throws ActivationRefusedException saying what to do (the username or password refused, or the code and date
     *     not matching)
     */
    void signUp(SignUp request, String clientAddress);

    /** What a patient types to open their account. */
    record SignUp(String code, LocalDate birthDate, String username, String email, char[] password) {

        @Override
        public String toString() {
            return "SignUp[hidden]";
        }
    }
}
