package io.hearth.records.web;

import java.math.BigDecimal;

/** Numbers as people read them: no trailing zeros, at most four significant decimals. */
final class Values {

    private Values() {
    }

    static String format(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal decimal = new BigDecimal(value).setScale(value >= 100 ? 0 : value >= 10 ? 1 : 2, java.math.RoundingMode.HALF_UP);
        return decimal.stripTrailingZeros().toPlainString();
    }
}
