package io.hearth.messaging.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ThreadRepository extends JpaRepository<MessageThread, UUID> {

    List<MessageThread> findByPatientIdOrderByLastMessageAtDesc(UUID patientId);
}

interface MessageRepository extends JpaRepository<Message, UUID> {

    List<Message> findByThreadIdOrderBySentAtAsc(UUID threadId);

    Optional<Message> findByAuthorAndFormToken(String author, String formToken);
}

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {

    List<Attachment> findByMessageIdIn(List<UUID> messageIds);

    boolean existsByFileId(String fileId);
}
