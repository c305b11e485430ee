package io.hearth.identity.internal;

import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByUsernameKey(String usernameKey);

    /** Accounts disabled for lack of use, and enabled ones unused since before {@code unusedSince}, by username. */
    @org.springframework.data.jpa.repository.Query("""
            select a from Account a where a.disabledFor = io.hearth.identity.internal.Account.DisabledFor.DORMANT
               or (a.enabled = true and coalesce(a.lastSignedInAt, a.createdAt) < :unusedSince) order by a.usernameKey""")
    java.util.List<Account> findDormantOrUnusedSince(@org.springframework.data.repository.query.Param("unusedSince") java.time.Instant unusedSince,
            org.springframework.data.domain.Pageable page);

    org.springframework.data.domain.Page<Account> findByUsernameKeyStartingWith(String prefix,
            org.springframework.data.domain.Pageable page);

    /** Accounts holding the role, their roles fetched in the same query. */
    @org.springframework.data.jpa.repository.Query("select distinct a from Account a join fetch a.roles r where a.id in "
            + "(select b.id from Account b join b.roles s where s = :role)")
    java.util.List<Account> findAllHolding(@org.springframework.data.repository.query.Param("role") io.hearth.identity.Role role);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByUsernameSkeleton(String usernameSkeleton);

    Optional<Account> findByEmailSkeletonIndex(String emailSkeletonIndex);

    Optional<Account> findByEmailIndex(String emailIndex);

    boolean existsByEmailIndex(String emailIndex);

    boolean existsByPatientId(java.util.UUID patientId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.usernameKey = ?1")
    Optional<Account> lockByUsernameKey(String usernameKey);
}
