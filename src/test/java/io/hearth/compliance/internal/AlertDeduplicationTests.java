package io.hearth.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.audit.AuditCounts;
import io.hearth.compliance.ComplianceProperties;
import io.hearth.compliance.internal.AlertDeduplication.Previous;
import io.hearth.compliance.internal.AlertDeduplication.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertDeduplicationTests {

    static final Instant WINDOW_START = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void aFirstFindingRaisesAnAlert() {
        assertThat(AlertDeduplication.next(Optional.empty(), WINDOW_START)).isEqualTo(Step.RAISE);
    }

    @Test
    void anOpenAlertTakesTheNewCountInsteadOfASecondAlert() {
        Previous open = new Previous(UUID.randomUUID(), true, WINDOW_START.minus(Duration.ofHours(5)));
        assertThat(AlertDeduplication.next(Optional.of(open), WINDOW_START)).isEqualTo(Step.EXTEND);
    }

    @Test
    void aClosedAlertThatCoveredPartOfTheWindowOnlyLetsLaterActivityCount() {
        Previous closed = new Previous(UUID.randomUUID(), false, WINDOW_START.plus(Duration.ofMinutes(20)));
        assertThat(AlertDeduplication.next(Optional.of(closed), WINDOW_START)).isEqualTo(Step.RECOUNT);
    }

    @Test
    void aClosedAlertTheWindowHasMovedPastLetsANewOneBeRaised() {
        Previous closed = new Previous(UUID.randomUUID(), false, WINDOW_START);
        assertThat(AlertDeduplication.next(Optional.of(closed), WINDOW_START)).isEqualTo(Step.RAISE);
    }

    @Test
    void aRecountStartsWhereTheClosedAlertEndedButNeverBeforeTheWindow() {
        var query = AlertRules.checks(settings(), WINDOW_START.plus(Duration.ofHours(1))).get(0).query();
        assertThat(query.onlyFor("dr.who", WINDOW_START.plusSeconds(600)).from()).isEqualTo(WINDOW_START.plusSeconds(600));
        assertThat(query.onlyFor("dr.who", WINDOW_START.minusSeconds(600)).from()).isEqualTo(WINDOW_START);
        assertThat(query.onlyFor("dr.who", WINDOW_START).only()).isEqualTo("dr.who");
    }

    @Test
    void snoopingCountsDifferentPatientsPerPersonAndSignInFailuresCountAddressesAndAccounts() {
        var checks = AlertRules.checks(settings(), WINDOW_START.plus(Duration.ofHours(1)));
        assertThat(checks).extracting(check -> check.query().key()).containsExactly(AuditCounts.Key.ACTOR, AuditCounts.Key.ACTOR,
                AuditCounts.Key.CLIENT_ADDRESS, AuditCounts.Key.OBJECT);
        assertThat(checks.get(0).query().distinctPatients()).isTrue();
        assertThat(checks.get(1).query().distinctPatients()).isFalse();
        assertThat(checks).allSatisfy(check -> assertThat(check.query().from()).isEqualTo(WINDOW_START));
        assertThat(checks).extracting(check -> check.query().atLeast()).containsExactly(30L, 10L, 20L, 12L);
    }

    @Test
    void theDetectorMayNotRunLessOftenThanItsWindowSoNoActivityFallsBetweenRuns() {
        assertThatThrownBy(() -> new ComplianceProperties.Alerts(Duration.ofHours(2), Duration.ofHours(1), 30, 10, 20, 12))
                .hasMessageContaining("at most the window");
        assertThatThrownBy(() -> new ComplianceProperties.Alerts(Duration.ofMinutes(1), Duration.ofHours(1), 0, 10, 20, 12))
                .hasMessageContaining("at least 1");
    }

    private static ComplianceProperties.Alerts settings() {
        return new ComplianceProperties.Alerts(Duration.ofMinutes(1), Duration.ofHours(1), 30, 10, 20, 12);
    }
}
