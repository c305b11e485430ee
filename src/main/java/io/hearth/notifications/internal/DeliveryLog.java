package io.hearth.notifications.internal;

import io.hearth.notifications.NoticeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the admin page shows: delivery state only, never an address, a name or a link (nothing is decrypted). */
@Service
public class DeliveryLog {

    /** One notice as an administrator sees it. */
    public record Line(UUID id, NoticeType type, NoticeStatus status, int attempts, Instant createdAt, Instant lastAttemptAt,
            Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    public record Summary(long pending, long sent, long failed) {
    }

    private final OutboxNoticeRepository notices;

    DeliveryLog(OutboxNoticeRepository notices) {
        this.notices = notices;
    }

    @Transactional(readOnly = true)
    public List<Line> recent(int limit) {
        return notices.findByOrderByCreatedAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 500)))).stream()
                .map(n -> new Line(n.id(), n.type(), n.status(), n.attempts(), n.createdAt(), n.lastAttemptAt(),
                        n.status() == NoticeStatus.PENDING ? n.nextAttemptAt() : null, n.sentAt(), n.lastError()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Summary summary() {
        return new Summary(notices.countByStatus(NoticeStatus.PENDING), notices.countByStatus(NoticeStatus.SENT),
                notices.countByStatus(NoticeStatus.FAILED));
    }
}
