package io.hearth.messaging.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ThreadRepository extends JpaRepository<MessageThread, UUID> {

    List<MessageThread> findByPatientIdOrderByLastMessageAtDesc(UUID patientId);

    /** The thread, locked until the transaction ends: replies to one thread then take turns instead of failing. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from MessageThread t where t.id = :id")
    Optional<MessageThread> lockById(UUID id);
}

interface MessageRepository extends JpaRepository<Message, UUID> {

    List<Message> findByThreadIdOrderBySentAtAsc(UUID threadId);

    Optional<Message> findByAuthorAndFormToken(String author, String formToken);
}

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {

    List<Attachment> findByMessageIdIn(List<UUID> messageIds);

    boolean existsByFileId(String fileId);
}
