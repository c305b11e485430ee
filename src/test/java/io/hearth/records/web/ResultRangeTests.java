package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.records.ReferenceRanges;
import io.hearth.records.ResultFlag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRangeTests {

    @Test
    void theLaboratorysInterpretationWinsOverTheRange() {
        assertThat(ResultFlag.of("L", 150.0, 70.0, 99.0)).isEqualTo(ResultFlag.LOW);
        assertThat(ResultFlag.of("A", null, null, null)).isEqualTo(ResultFlag.ABNORMAL);
        assertThat(ResultFlag.of("N", 150.0, 70.0, 99.0)).isEqualTo(ResultFlag.NONE);
    }

    @Test
    void withoutAnInterpretationTheValueIsComparedWithTheRangeEnds() {
        assertThat(ResultFlag.of(null, 100.0, 70.0, 99.0)).isEqualTo(ResultFlag.HIGH);
        assertThat(ResultFlag.of(null, 99.0, 70.0, 99.0)).isEqualTo(ResultFlag.NONE);
        assertThat(ResultFlag.of(null, 69.9, 70.0, 99.0)).isEqualTo(ResultFlag.LOW);
        assertThat(ResultFlag.of(null, 35.0, 40.0, null)).as("HDL below its lower limit").isEqualTo(ResultFlag.LOW);
        assertThat(ResultFlag.of(null, 35.0, null, null)).isEqualTo(ResultFlag.NONE);
    }

    @Test
    void aBuiltInRangeAppliesOnlyInItsOwnUnit() {
        assertThat(ReferenceRanges.of("http://loinc.org|2339-0", "mg/dL")).hasValueSatisfying(range -> {
            assertThat(range.low()).isEqualTo(70.0);
            assertThat(range.high()).isEqualTo(99.0);
        });
        assertThat(ReferenceRanges.of("http://loinc.org|2339-0", "mmol/L")).as("glucose in another unit").isEmpty();
        assertThat(ReferenceRanges.of("http://example.org|2339-0", "mg/dL")).as("same code, other system").isEmpty();
        assertThat(RecordViews.range(null, 200.0, "mg/dL", null)).isEqualTo("below 200 mg/dL");
        assertThat(RecordViews.range(70.0, 99.0, "mg/dL", null)).isEqualTo("70–99 mg/dL");
    }

    @Test
    void theChartPlacesTheOldestResultLeftAndTheHighestValueAtTheTop() {
        TrendChart chart = TrendChart.of(List.of(new TrendChart.Point(Instant.parse("2024-01-01T00:00:00Z"), 90, false),
                new TrendChart.Point(Instant.parse("2025-01-01T00:00:00Z"), 130, true)), 70.0, 99.0, "1 Jan 2024", "1 Jan 2025", "mg/dL");

        assertThat(chart.dots()).hasSize(2);
        assertThat(Double.parseDouble(chart.dots().get(0).x())).isEqualTo(TrendChart.LEFT);
        assertThat(Double.parseDouble(chart.dots().get(1).x())).isEqualTo(TrendChart.WIDTH - TrendChart.RIGHT);
        assertThat(Double.parseDouble(chart.dots().get(1).y())).isLessThan(Double.parseDouble(chart.dots().get(0).y()));
        assertThat(chart.band()).isNotNull();
        assertThat(chart.line()).matches("[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+");
    }
}
