package io.hearth.records.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesTests {

    @Test
    void aValueThatIsNotAFiniteNumberIsShownAsNotANumberInsteadOfFailing() {
        assertThat(Values.format(Double.POSITIVE_INFINITY)).isEqualTo(Values.NOT_A_NUMBER);
        assertThat(Values.format(Double.NEGATIVE_INFINITY)).isEqualTo(Values.NOT_A_NUMBER);
        assertThat(Values.format(Double.NaN)).isEqualTo(Values.NOT_A_NUMBER);
        assertThat(Values.format(Double.MAX_VALUE)).hasSize(309);
        assertThat(Values.format(12.345)).isEqualTo("12.3");
    }

    @Test
    void onlyFiniteValuesAreComputedWith() {
        assertThat(Values.finite(Double.NaN)).isNull();
        assertThat(Values.finite(Double.NEGATIVE_INFINITY)).isNull();
        assertThat(Values.finite(null)).isNull();
        assertThat(Values.finite(4.5)).isEqualTo(4.5);
    }
}
