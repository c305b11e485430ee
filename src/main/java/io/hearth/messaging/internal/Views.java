package io.hearth.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the pages show; PHI, so none of these print their content. */
public final class Views {

    private Views() {
    }

    /**
     * @param poolLabel the pool as people name it ("Dr. Ada Quinn", "Billing")
     * @param patientName the patient's name, for staff; null for the patient
     * @param assigneeName the assignee's display name, or null
     */
    public record ThreadSummary(UUID id, String subject, Pool pool, String poolLabel, ThreadStatus status, String assignee,
            String assigneeName, UUID patientId, String patientName, Instant lastMessageAt, int unread) {
        @Override
        public String toString() {
            return "ThreadSummary[" + id + "]";
        }
    }

    /** @param mine whether the viewer wrote it */
    public record MessageView(UUID id, String authorName, boolean fromPatient, boolean mine, String body, Instant sentAt,
            List<AttachmentView> attachments) {
        @Override
        public String toString() {
            return "MessageView[" + id + "]";
        }
    }

    public record AttachmentView(UUID id, String name, String contentType, long size) {
        @Override
        public String toString() {
            return "AttachmentView[" + id + "]";
        }
    }

    /** @param assignable the colleagues who could take it (staff only; empty for the patient) */
    public record ThreadDetail(ThreadSummary thread, List<MessageView> messages, List<Colleague> assignable) {
        @Override
        public String toString() {
            return "ThreadDetail[" + thread.id() + "]";
        }
    }

    public record Colleague(String username, String name) {
    }

    /** A recipient pool a patient may write to: {@code value} is what the form sends back. */
    public record PoolChoice(String value, String label) {
    }

    /** The staff inbox's filters; null means any. {@code assignee} "none" means unassigned. */
    public record InboxFilter(Pool pool, ThreadStatus status, String assignee, UUID patient) {
    }

    /** An attachment to download: its content is opened by the caller and must be closed. */
    public record Download(String name, String contentType, long size, String fileId) {
        @Override
        public String toString() {
            return "Download[" + fileId + "]";
        }
    }

    /** @param duplicate the form had been sent before; nothing new was made */
    public record Sent(UUID threadId, boolean duplicate) {
    }
}
