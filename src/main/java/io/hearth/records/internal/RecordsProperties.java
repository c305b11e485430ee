package io.hearth.records.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health record settings.
 *
 * @param releaseHold how long after a result is issued the patient sees it, per category (laboratory, imaging...);
 *     a category not listed is released at once, so the clinician can call first only where a hold is set
 */
@ConfigurationProperties("hearth.records")
public record RecordsProperties(@DefaultValue Map<String, Duration> releaseHold) {

    public Duration holdFor(String category) {
        return category == null ? Duration.ZERO : releaseHold.getOrDefault(category, Duration.ZERO);
    }
}
