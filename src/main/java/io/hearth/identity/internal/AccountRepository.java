package io.hearth.identity.internal;

import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsernameKey(String usernameKey);

    org.springframework.data.domain.Page<Account> findByUsernameKeyStartingWith(String prefix,
            org.springframework.data.domain.Pageable page);

    /** Accounts holding the role, their roles fetched in the same query. */
    @org.springframework.data.jpa.repository.Query("select distinct a from Account a join fetch a.roles r where a.id in "
            + "(select b.id from Account b join b.roles s where s = :role)")
    java.util.List<Account> findAllHolding(@org.springframework.data.repository.query.Param("role") io.hearth.identity.Role role);

    boolean existsByUsernameKey(String usernameKey);

    Optional<Account> findByEmailIndex(String emailIndex);

    boolean existsByEmailIndex(String emailIndex);

    boolean existsByPatientId(java.util.UUID patientId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.usernameKey = ?1")
    Optional<Account> lockByUsernameKey(String usernameKey);
}
