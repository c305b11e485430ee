package io.hearth.compliance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Compliance settings.
 *
 * @param breakGlassDuration how long an emergency access to one patient's record lasts
 * @param alerts when the suspicious-activity detector raises an alert for the security officer
 */
@ConfigurationProperties("hearth.compliance")
public record ComplianceProperties(@DefaultValue("60m") Duration breakGlassDuration, @DefaultValue Alerts alerts) {

    /**
     * Every rule counts the audit trail over the same sliding window; an alert is raised when a count reaches its
     * threshold.
     *
     * @param checkInterval how often the detector runs; at most the window, so no activity falls between two runs
     * @param window how far back each run counts
     * @param distinctPatients one person opening this many different patients' records (record snooping)
     * @param deniedReads one person refused this many reads of health information (probing outside their care team)
     * @param failedSignInsPerAddress this many failed sign-in steps from one client address (guessing across accounts)
     * @param failedSignInsPerAccount this many failed sign-in steps against one account (guessing past the lockout)
     */
    public record Alerts(@DefaultValue("60s") Duration checkInterval, @DefaultValue("1h") Duration window,
            @DefaultValue("30") int distinctPatients, @DefaultValue("10") int deniedReads,
            @DefaultValue("20") int failedSignInsPerAddress, @DefaultValue("12") int failedSignInsPerAccount) {

        public Alerts {
            if (checkInterval.isNegative() || checkInterval.isZero() || window.compareTo(checkInterval) < 0) {
                throw new IllegalArgumentException("hearth.compliance.alerts.check-interval must be positive and at most the window");
            }
            if (distinctPatients < 1 || deniedReads < 1 || failedSignInsPerAddress < 1 || failedSignInsPerAccount < 1) {
                throw new IllegalArgumentException("hearth.compliance.alerts thresholds are at least 1");
            }
        }
    }
}
