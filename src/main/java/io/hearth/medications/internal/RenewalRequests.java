package io.hearth.medications.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RenewalRequests extends JpaRepository<RenewalRequest, UUID> {

    List<RenewalRequest> findByPatientIdOrderByRequestedAtDesc(UUID patientId);

    Optional<RenewalRequest> findByMedicationIdAndStatus(UUID medicationId, RenewalStatus status);

    List<RenewalRequest> findTop200ByStatusAndPatientIdInOrderByRequestedAtAsc(RenewalStatus status, Collection<UUID> patients);

    /** The request, locked until the transaction ends, so that decisions on it take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RenewalRequest r where r.id = :id")
    Optional<RenewalRequest> lockById(UUID id);
}
