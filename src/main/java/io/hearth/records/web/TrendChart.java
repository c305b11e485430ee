package io.hearth.records.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of one test's results over time, drawn on the server as SVG coordinates (no script, no inline style:
 * the template draws the shapes, the stylesheet colours them). The reference range is a shaded band.
 */
record TrendChart(int width, int height, String line, List<Dot> dots, Band band, String top, String bottom, String first, String last) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 32;

    /** One result (its date and value are in the data table beside the chart). */
    record Dot(String x, String y, boolean outOfRange) {
    }

    /** The reference range as a rectangle; null when there is none. */
    record Band(String y, String height) {
    }

    record Point(Instant when, double value, boolean outOfRange) {
    }

    /** The chart, or null when the values span more than a double can (nothing to draw them on). */
    static TrendChart of(List<Point> points, Double low, Double high, String firstDate, String lastDate, String unit) {
        double min = points.stream().mapToDouble(Point::value).min().orElse(0);
        double max = points.stream().mapToDouble(Point::value).max().orElse(1);
        if (low != null) {
            min = Math.min(min, low);
        }
        if (high != null) {
            max = Math.max(max, high);
        }
        double pad = (max - min) * 0.1;
        if (pad == 0) {
            pad = Math.abs(max) * 0.1 + 1;
        }
        min -= pad;
        max += pad;
        if (!Double.isFinite(max - min)) {
            return null; // values near the double's limits (stored before the import refused them): no scale to draw them on
        }
        long from = points.get(0).when().toEpochMilli();
        long to = points.get(points.size() - 1).when().toEpochMilli();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder line = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (Point point : points) {
            double x = LEFT + (to == from ? plotWidth / 2 : plotWidth * (point.when().toEpochMilli() - from) / (to - from));
            double y = TOP + plotHeight * (max - point.value()) / (max - min);
            line.append(line.isEmpty() ? "" : " ").append(number(x)).append(',').append(number(y));
            dots.add(new Dot(number(x), number(y), point.outOfRange()));
        }
        Band band = null;
        if (low != null || high != null) {
            double bandTop = TOP + plotHeight * (max - (high == null ? max : high)) / (max - min);
            double bandBottom = TOP + plotHeight * (max - (low == null ? min : low)) / (max - min);
            band = new Band(number(bandTop), number(bandBottom - bandTop));
        }
        String suffix = unit == null ? "" : " " + unit;
        return new TrendChart(WIDTH, HEIGHT, line.toString(), dots, band, Values.format(max) + suffix, Values.format(min) + suffix,
                firstDate, lastDate);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
