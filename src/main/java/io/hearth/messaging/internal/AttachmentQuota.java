package io.hearth.messaging.internal;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each patient's attachment bytes, counted in one row (message_quota) that only grows, as attachments are never
 * removed. The check while a file uploads reads what is left before the upload; simultaneous messages of one patient
 * all read the same, so the message is only stored once its bytes are reserved here, in the message's transaction: the
 * conditional update waits for the row, so they take turns, and the reservation goes with the message if it rolls back.
 */
@Component
class AttachmentQuota {

    private final NamedParameterJdbcTemplate jdbc;
    private final MessagingProperties settings;

    AttachmentQuota(NamedParameterJdbcTemplate jdbc, MessagingProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    long left(UUID patientId) {
        Long used = jdbc.query("select used_bytes from message_quota where patient_id = :patient", Map.of("patient", patientId),
                rows -> rows.next() ? rows.getLong(1) : 0L);
        return Math.max(0, settings.patientQuota().toBytes() - used);
    }

    /** Adds the bytes to the patient's count, unless that would pass the quota; false then, and nothing changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean reserve(UUID patientId, long bytes) {
        if (bytes == 0) {
            return true;
        }
        Map<String, Object> row = Map.of("patient", patientId, "bytes", bytes, "quota", settings.patientQuota().toBytes());
        jdbc.update("insert into message_quota (patient_id, used_bytes) values (:patient, 0) on conflict do nothing", row);
        return jdbc.update("update message_quota set used_bytes = used_bytes + :bytes where patient_id = :patient "
                + "and used_bytes + :bytes <= :quota", row) == 1;
    }
}
