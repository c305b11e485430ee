package io.hearth.identity.internal;

import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKey(String usernameKey);

    Optional<Account> findByEmailIndex(String emailIndex);

    boolean existsByEmailIndex(String emailIndex);

    boolean existsByPatientId(java.util.UUID patientId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.usernameKey = ?1")
    Optional<Account> lockByUsernameKey(String usernameKey);
}
