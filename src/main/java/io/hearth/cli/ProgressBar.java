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
}
