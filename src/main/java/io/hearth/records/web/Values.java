package io.hearth.records.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as people read them: no trailing zeros, at most four significant decimals. A stored value may be infinite
 * or not a number (an import before such values were refused turned {@code 1e999} into infinity): it is never
 * formatted nor computed with, so no page fails for it.
 */
final class Values {

    /** What {@link #format} shows for a value that is not a finite number; the pages show their own text instead. */
    static final String NOT_A_NUMBER = "—";

    private Values() {
    }

    static String format(Double value) {
        if (value == null) {
            return "";
        }
        if (!Double.isFinite(value)) {
            return NOT_A_NUMBER;
        }
        BigDecimal decimal = new BigDecimal(value).setScale(value >= 100 ? 0 : value >= 10 ? 1 : 2, RoundingMode.HALF_UP);
        return decimal.stripTrailingZeros().toPlainString();
    }

    /** The value when it is a finite number, else null: what ranges, flags and trends compute with. */
    static Double finite(Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }
}
