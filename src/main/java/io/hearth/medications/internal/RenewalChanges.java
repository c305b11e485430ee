package io.hearth.medications.internal;

/**
 * What an approval changed from the prescription: a new quantity, a number of refills, each null when unchanged.
 * Stored encrypted as {@code quantity=30;refills=2}.
 */
public record RenewalChanges(Integer quantity, Integer refills) {

    static final RenewalChanges NONE = new RenewalChanges(null, null);

    public boolean isEmpty() {
        return quantity == null && refills == null;
    }

    /**
     * The changes as typed on the approval form: blank means unchanged; otherwise whole numbers, a quantity from 1 and
     * refills from 0, up to the practice's limits.
     *
     * @throws RenewalRefusedException (400) naming the field that is not such a number
     */
    static RenewalChanges parse(String quantity, String refills, MedicationsProperties settings) {
        return new RenewalChanges(number(quantity, 1, settings.maxQuantity(), "renewals.error.quantity"),
                number(refills, 0, settings.maxRefills(), "renewals.error.refills"));
    }

    private static Integer number(String typed, int min, int max, String key) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.strip();
        if (!digits.matches("[0-9]{1,9}")) {
            throw RenewalRefusedException.invalid(key);
        }
        int value = Integer.parseInt(digits);
        if (value < min || value > max) {
            throw RenewalRefusedException.invalid(key);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RenewalChanges[hidden]";
    }

    String encode() {
        return "quantity=" + (quantity == null ? "" : quantity) + ";refills=" + (refills == null ? "" : refills);
    }

    static RenewalChanges decode(String stored) {
        if (stored == null) {
            return NONE;
        }
        Integer quantity = null;
        Integer refills = null;
        for (String part : stored.split(";")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && !pair[1].isEmpty()) {
                if (pair[0].equals("quantity")) {
                    quantity = Integer.valueOf(pair[1]);
                } else if (pair[0].equals("refills")) {
                    refills = Integer.valueOf(pair[1]);
                }
            }
        }
        return new RenewalChanges(quantity, refills);
    }
}
