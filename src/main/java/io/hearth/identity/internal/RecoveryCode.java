package io.hearth.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "recovery_code")
class RecoveryCode {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(UUID accountId, String codeHash, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.createdAt = now;
    }

    boolean use(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return true;
    }
}
