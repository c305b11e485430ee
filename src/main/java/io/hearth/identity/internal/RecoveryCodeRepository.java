package io.hearth.identity.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RecoveryCode> findByAccountIdAndCodeHash(UUID accountId, String codeHash);

    @Modifying
    @Query("delete from RecoveryCode c where c.accountId = ?1")
    void deleteByAccountId(UUID accountId);

    long countByAccountIdAndUsedAtIsNull(UUID accountId);
}
