package io.hearth.records;

/** How a result compares with its reference range: from the laboratory's interpretation when sent, else computed. */
public enum ResultFlag {
    NONE, LOW, HIGH, ABNORMAL;

    public static ResultFlag of(String interpretation, Double value, Double low, Double high) {
        if (interpretation != null) {
            switch (interpretation) {
                case "H", "HH", "HU", ">" -> {
                    return HIGH;
                }
                case "L", "LL", "LU", "<" -> {
                    return LOW;
                }
                case "A", "AA", "POS", "DET" -> {
                    return ABNORMAL;
                }
                case "N", "NEG", "ND" -> {
                    return NONE;
                }
                default -> {
                }
            }
        }
        if (value == null) {
            return NONE;
        }
        if (high != null && value > high) {
            return HIGH;
        }
        if (low != null && value < low) {
            return LOW;
        }
        return NONE;
    }
}
