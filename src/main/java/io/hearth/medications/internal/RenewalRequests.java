package io.hearth.medications.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalRequests extends JpaRepository<RenewalRequest, UUID> {

    List<RenewalRequest> findByPatientIdOrderByRequestedAtDesc(UUID patientId);

    Optional<RenewalRequest> findByMedicationIdAndStatus(UUID medicationId, RenewalStatus status);

    List<RenewalRequest> findTop200ByStatusAndPatientIdInOrderByRequestedAtAsc(RenewalStatus status, Collection<UUID> patients);
}
