package io.hearth.announcements;

import io.hearth.audit.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** News from the practice for every patient. */
public interface Announcements {

    int MAX_TITLE = 120;
    int MAX_BODY = 2000;

    /** One announcement as patients see it. */
    record Announcement(UUID id, String title, String body, Instant publishedAt, Instant shownUntil, int noticesQueued) {
    }

    /**
     * Publishes the announcement: it shows on patients' home pages until {@code shownUntil}, and every patient who
     * agreed to email notices is sent one notice that there is news (no text of the announcement is emailed).
     *
     * @throws IllegalArgumentException with a message for the person, when the title or text is empty, too long or
     *     holds control characters, or the end is not in the future
     */
    Announcement publish(String title, String body, Instant shownUntil, Actor by);

    /** Announcements still shown, newest first. */
    List<Announcement> current();

    /** The latest announcements, shown or not, newest first (for administrators). */
    List<Announcement> recent(int limit);
}
