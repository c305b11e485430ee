package io.hearth.notifications.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the sender on a thread of its own: right after a transaction that queued notices commits (so a notice leaves
 * within moments, without the caller waiting for SMTP), and every {@code hearth.notifications.poll-interval} (for
 * retries, notices left by a stopped node, and throttled mass notices). Nudges that arrive while a run is waiting to
 * start are folded into it. Off with {@code hearth.notifications.background=false}.
 */
@Component
@ConditionalOnProperty(name = "hearth.notifications.background", havingValue = "true", matchIfMissing = true)
class BackgroundDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundDelivery.class);

    private final NoticeSender sender;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notice-sender");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundDelivery(NoticeSender sender) {
        this.sender = sender;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(NoticeOutbox.NoticeQueued event) {
        nudge();
    }

    @Scheduled(fixedDelayString = "${hearth.notifications.poll-interval:5s}", initialDelayString = "${hearth.notifications.poll-interval:5s}")
    void poll() {
        nudge();
    }

    void nudge() {
        if (waiting.compareAndSet(false, true)) {
            try {
                worker.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                waiting.set(false);
            }
        }
    }

    private void run() {
        waiting.set(false);
        try {
            NoticeSender.Run run = sender.sendDue();
            if (run.sent() + run.retrying() + run.failed() > 0) {
                log.debug("Notice run: {} sent, {} to retry, {} failed", run.sent(), run.retrying(), run.failed());
            }
        } catch (RuntimeException e) {
            // e.g. the database is down; the next run tries again. The class name only: messages may carry data.
            log.warn("Notice delivery run failed: {}", e.getClass().getName());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
