package io.hearth.patients.internal;

import io.hearth.audit.Actor;
import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.ClientThrottle;
import io.hearth.identity.Role;
import io.hearth.patients.ActivationRefusedException;
import io.hearth.patients.PatientActivation;
import io.hearth.records.PatientIdentities;
import io.hearth.records.PatientIdentities.PatientIdentity;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PatientActivationService implements PatientActivation {


    private final ActivationCodes codes;
    private final PatientIdentities patients;
    private final Accounts accounts;
    private final ClientThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    PatientActivationService(ActivationCodes codes, PatientIdentities patients, Accounts accounts, ClientThrottle throttle,
            AuditLog audit, Clock clock) {
        this.codes = codes;
        this.patients = patients;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String issueCode(UUID patientId) {
        if (patients.of(patientId).isEmpty()) {
            throw new ActivationRefusedException("patients.refused.noRecord");
        }
        if (accounts.patientHasAccount(patientId)) {
            throw new ActivationRefusedException("patients.refused.patientHasAccount");
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String issuedBy = authentication == null ? Actor.system("demo").id() : Actor.of(authentication).id();
        String code = codes.issue(patientId, issuedBy, clock.instant());
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMIN_ACTION, AuditOutcome.SUCCESS).patient(patientId)
                .object("patient", patientId).because("activation code issued"));
        return code;
    }

    @Override
    @Transactional
    public void signUp(SignUp request, String clientAddress) {
        if (throttle.blocked(clientAddress)) {
            throw new ActivationRefusedException("patients.refused.throttled");
        }
        Optional<ActivationCodes.Usable> code = codes.find(request.code(), clock.instant());
        Optional<PatientIdentity> patient = code.flatMap(usable -> patients.of(usable.patientId()));
        if (patient.isEmpty() || patient.get().birthDate() == null || !patient.get().birthDate().equals(request.birthDate())) {
            throttle.recordFailure(clientAddress);
            audit.record(AuditEvent.of(AuditAction.ACCOUNT_CREATED, AuditOutcome.FAILURE).by(Actor.ANONYMOUS)
                    .because("sign-up refused: activation code or date of birth not matching"));
            throw new ActivationRefusedException("patients.refused.noMatch");
        }
        UUID patientId = code.get().patientId();
        if (accounts.patientHasAccount(patientId)) {
            throw new ActivationRefusedException("patients.refused.recordHasAccount");
        }
        try {
            accounts.create(request.username(), patient.get().name(), request.password(), EnumSet.of(Role.PATIENT));
            accounts.changeEmail(request.username(), request.email());
        } catch (AccountRejectedException rejected) {
            throw new ActivationRefusedException(rejected.key(), rejected.getArguments());
        }
        accounts.linkPatient(request.username(), patientId);
        accounts.sendEmailConfirmation(request.username());
        codes.markUsed(code.get().id(), clock.instant());
    }
}
