package io.hearth.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkpointInterval entries between sealed checkpoints
 * @param retention entries are kept at least this long (nothing deletes them; the setting documents the promise)
 */
@ConfigurationProperties("hearth.audit")
record AuditProperties(@DefaultValue("1000") int checkpointInterval, @DefaultValue("2190d") Duration retention) {
}
