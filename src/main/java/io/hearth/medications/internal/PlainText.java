package io.hearth.medications.internal;

/** Text as typed into the renewal forms, made safe to keep and show. */
final class PlainText {

    private PlainText() {
    }

    /**
     * Control characters removed (line breaks kept as {@code \n} when {@code multiline}, else made spaces), trimmed;
     * null when nothing is left.
     *
     * @throws RenewalRefusedException (400, with this key) when longer than {@code maxLength} characters
     */
    static String clean(String value, int maxLength, boolean multiline, String key) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .map(c -> c == '\n' || c == '\t' ? (multiline && c == '\n' ? c : ' ') : c)
                .filter(c -> c == '\n' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.codePointCount(0, clean.length()) > maxLength) {
            throw RenewalRefusedException.invalid(key);
        }
        return clean.isEmpty() ? null : clean;
    }
}
