package io.hearth.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox table. Every change of delivery state is one conditional update that succeeds for exactly one caller
 * (it names the claim it holds), so no two threads or nodes can both believe they own a notice.
 */
interface OutboxNoticeRepository extends JpaRepository<OutboxNotice, UUID> {

    /** Ids of pending notices that are due and not claimed by a live claim, oldest due first. */
    @Query("""
            select n.id from OutboxNotice n
             where n.status = io.hearth.notifications.internal.NoticeStatus.PENDING and n.nextAttemptAt <= :now
               and (n.claimedUntil is null or n.claimedUntil < :now)
             order by n.nextAttemptAt, n.createdAt""")
    List<UUID> due(@Param("now") Instant now, Pageable page);

    /**
     * Claims one notice for {@code token} until {@code until} and counts the attempt; 1 when this caller now owns it,
     * 0 when another caller claimed it first, it was sent meanwhile, or it is not due.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxNotice n set n.claimToken = :token, n.claimedUntil = :until, n.attempts = n.attempts + 1,
                   n.lastAttemptAt = :now
             where n.id = :id and n.status = io.hearth.notifications.internal.NoticeStatus.PENDING
               and n.nextAttemptAt <= :now and (n.claimedUntil is null or n.claimedUntil < :now)""")
    int claim(@Param("id") UUID id, @Param("token") UUID token, @Param("now") Instant now, @Param("until") Instant until);

    /** Marks a claimed notice sent and erases its address, name and link; 0 when the claim is no longer held. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxNotice n set n.status = io.hearth.notifications.internal.NoticeStatus.SENT, n.sentAt = :now,
                   n.claimToken = null, n.claimedUntil = null, n.lastError = null,
                   n.recipientCiphertext = null, n.firstNameCiphertext = null, n.linkCiphertext = null
             where n.id = :id and n.claimToken = :token and n.status = io.hearth.notifications.internal.NoticeStatus.PENDING""")
    int markSent(@Param("id") UUID id, @Param("token") UUID token, @Param("now") Instant now);

    /** Releases a claimed notice for another attempt at {@code next}; 0 when the claim is no longer held. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxNotice n set n.nextAttemptAt = :next, n.lastError = :error, n.claimToken = null, n.claimedUntil = null
             where n.id = :id and n.claimToken = :token and n.status = io.hearth.notifications.internal.NoticeStatus.PENDING""")
    int retryLater(@Param("id") UUID id, @Param("token") UUID token, @Param("next") Instant next, @Param("error") String error);

    /** Gives a claimed notice up; 0 when the claim is no longer held. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update OutboxNotice n set n.status = io.hearth.notifications.internal.NoticeStatus.FAILED, n.lastError = :error,
                   n.claimToken = null, n.claimedUntil = null
             where n.id = :id and n.claimToken = :token and n.status = io.hearth.notifications.internal.NoticeStatus.PENDING""")
    int giveUp(@Param("id") UUID id, @Param("token") UUID token, @Param("error") String error);

    List<OutboxNotice> findByOrderByCreatedAtDesc(Pageable page);

    long countByStatus(NoticeStatus status);
}
