package io.hearth.shared;

import java.time.Duration;

/**
 * How precisely the server knows a session's last activity: it stores the last access at most this often (a page view
 * moments after the last write writes nothing), so a session may time out up to this much before the browser, counting
 * from its own last request, would expect. The pages' idle warning counts it in.
 */
public final class SessionActivity {

    public static final Duration RECORDED_EVERY = Duration.ofSeconds(30);

    private SessionActivity() {
    }

    /** What the browser should count down from after a request: the idle timeout, less what the server may not have recorded. */
    public static Duration idleTimeLeftAtMost(Duration idleTimeout) {
        Duration left = idleTimeout.minus(RECORDED_EVERY);
        return left.compareTo(idleTimeout.dividedBy(2)) < 0 ? idleTimeout.dividedBy(2) : left;
    }
}
