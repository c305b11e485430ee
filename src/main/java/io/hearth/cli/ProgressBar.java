package io.hearth.cli;

/** One line of text, redrawn in place with a carriage return. */
final class ProgressBar {

    static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(long done, long total) {
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + "  " + done + "/" + total;
    }

    /**
     * The bar with a rate and the time left, e.g. for an import measured in bytes read but counted in resources.
     *
     * @param items what was processed so far (resources)
     * @param unit what the items are
     */
    static String render(long done, long total, long items, String unit, java.time.Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        String eta = "--:--";
        if (done > 0 && total > done) {
            long left = Math.round(seconds * (total - done) / done);
            eta = String.format("%d:%02d", left / 60, left % 60);
        } else if (total <= done) {
            eta = "0:00";
        }
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + "  "
                + String.format("%,d %s, %,.0f/s, ETA %s", items, unit, items / seconds, eta);
    }
}
