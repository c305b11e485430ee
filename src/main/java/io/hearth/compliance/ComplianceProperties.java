package io.hearth.compliance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compliance settings.
 *
 * @param breakGlassDuration how long an emergency access to one patient's record lasts
 */
@ConfigurationProperties("hearth.compliance")
public record ComplianceProperties(@DefaultValue("60m") Duration breakGlassDuration) {
}
