package io.hearth.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Security's JDBC store of passkeys, with two additions: the dates come from the injected clock (Spring stamps
 * its own {@code Instant.now()}), and a newly registered passkey is announced ({@link PasskeyAdded}) in the same
 * transaction as its row, so it is audited and its owner told exactly when it is stored.
 */
final class PasskeyCredentials implements UserCredentialRepository {

    /** A passkey was registered for this WebAuthn user entity. */
    record PasskeyAdded(Bytes userEntityId) {
    }

    private final UserCredentialRepository store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transaction;

    PasskeyCredentials(UserCredentialRepository store, Clock clock, ApplicationEventPublisher events, TransactionOperations transaction) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void save(CredentialRecord record) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            CredentialRecord existing = store.findByCredentialId(record.getCredentialId());
            if (existing == null) {
                store.save(ImmutableCredentialRecord.fromCredentialRecord(record).created(now).lastUsed(now).build());
                events.publishEvent(new PasskeyAdded(record.getUserEntityUserId()));
            } else {
                // a sign-in: only the signature counter and the last use change
                store.save(ImmutableCredentialRecord.fromCredentialRecord(record).created(existing.getCreated()).lastUsed(now).build());
            }
        });
    }

    @Override
    public void delete(Bytes credentialId) {
        store.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.findByUserId(userId);
    }
}
