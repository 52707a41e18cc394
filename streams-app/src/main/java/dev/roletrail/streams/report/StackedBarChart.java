package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stacked bar chart as inline SVG, for the report's charts: one column per day or week, its segments stacked from
 * the axis up, its total above it, a legend on top, labelled axes. No script: counts are written on the bars (a
 * segment's when it is tall enough, the column's total always) and each segment's {@code <title>} is its tooltip.
 * Geometry is fixed per column and text sizes are estimated generously, so texts keep clear of each other (the
 * Chromium test measures it).
 */
final class StackedBarChart {

    /** A part of a column: its CSS class (the colour), value and tooltip. */
    record Segment(String cssClass, long value, String tooltip) {
    }

    /**
     * A column: the lines of its label under the axis, its segments from the axis up, the text above it, and a CSS
     * class ({@code estimated}, or {@code not-known}: no segments, a dashed placeholder).
     */
    record Column(List<String> labels, List<Segment> segments, String total, String cssClass) {
        Column {
            labels = List.copyOf(labels);
            segments = List.copyOf(segments);
        }

        long sum() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    /** A legend entry: the swatch's CSS class and its text. */
    record Legend(String cssClass, String text) {
    }

    /** Everything around the columns. */
    record Frame(String cssClass, String description, String yTitle, String xTitle, String emptyNote,
            double columnWidth) {
    }

    private static final double PLOT_LEFT = 60;
    private static final double PLOT_HEIGHT = 160;
    private static final double RIGHT = 14;
    private static final double LEGEND_ROW = 20;
    /** Generous advance per character of 12 px legend text and 11 px labels, so estimates err on the wide side. */
    private static final double LEGEND_CHAR = 7.4;
    private static final double LABEL_LINE = 14;
    private static final double MIN_SEGMENT_LABEL = 16;
    private static final int TICKS = 4;

    private StackedBarChart() {
    }

    static String svg(Frame frame, List<Column> columns, List<Legend> legend) {
        double width = PLOT_LEFT + columns.size() * frame.columnWidth() + RIGHT;
        StringBuilder svg = new StringBuilder(4_096);
        StringBuilder legendSvg = new StringBuilder();
        double legendBottom = legend(legendSvg, legend, width);
        double plotTop = legendBottom + 30;
        double plotBottom = plotTop + PLOT_HEIGHT;
        int lines = columns.stream().mapToInt(c -> c.labels().size()).max().orElse(1);
        double xTitleY = plotBottom + 16 + LABEL_LINE * lines + 6;
        double height = xTitleY + 8;
        long max = columns.stream().mapToLong(Column::sum).max().orElse(0);
        long step = step(max);
        double scale = PLOT_HEIGHT / (double) (step * TICKS);

        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(esc(frame.cssClass()))
                .append("\" role=\"img\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" aria-label=\"").append(esc(frame.description())).append("\">")
                .append("<title>").append(esc(frame.description())).append("</title>").append(legendSvg);
        for (int t = 0; t <= TICKS; t++) {
            double y = plotBottom - t * step * scale;
            svg.append("<line class=\"grid\" x1=\"").append(num(PLOT_LEFT)).append("\" y1=\"").append(num(y))
                    .append("\" x2=\"").append(num(width - RIGHT)).append("\" y2=\"").append(num(y)).append("\"/>");
            text(svg, "tick", PLOT_LEFT - 6, y + 4, "end", shortCount(t * step));
        }
        svg.append("<line class=\"axis\" x1=\"").append(num(PLOT_LEFT)).append("\" y1=\"").append(num(plotBottom))
                .append("\" x2=\"").append(num(width - RIGHT)).append("\" y2=\"").append(num(plotBottom))
                .append("\"/>");
        double middle = plotTop + PLOT_HEIGHT / 2;
        svg.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16 ").append(num(middle))
                .append(") rotate(-90)\">").append(esc(frame.yTitle())).append("</text>");
        text(svg, "axis-title", PLOT_LEFT + (width - RIGHT - PLOT_LEFT) / 2, xTitleY, "middle", frame.xTitle());

        double barWidth = Math.min(40, frame.columnWidth() * 0.6);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            double center = PLOT_LEFT + frame.columnWidth() * (i + 0.5);
            double x = center - barWidth / 2;
            svg.append("<g class=\"column").append(column.cssClass() == null ? "" : " " + esc(column.cssClass()))
                    .append("\">");
            double top = plotBottom;
            if (column.segments().isEmpty() && "not-known".equals(column.cssClass())) {
                // The whole height, so that it cannot be read as a value.
                top = plotTop;
                rect(svg, "placeholder", x, top, barWidth, PLOT_HEIGHT);
            }
            long nonZero = column.segments().stream().filter(s -> s.value() > 0).count();
            for (Segment segment : column.segments()) {
                if (segment.value() <= 0) {
                    continue;
                }
                double h = segment.value() * scale;
                top -= h;
                svg.append("<rect class=\"seg ").append(esc(segment.cssClass())).append("\" x=\"").append(num(x))
                        .append("\" y=\"").append(num(top)).append("\" width=\"").append(num(barWidth))
                        .append("\" height=\"").append(num(h)).append("\"><title>").append(esc(segment.tooltip()))
                        .append("</title></rect>");
                if (nonZero > 1 && h >= MIN_SEGMENT_LABEL) {
                    text(svg, "seg-count", center, top + h / 2 + 4, "middle", Long.toString(segment.value()));
                }
            }
            if (column.total() != null) {
                text(svg, "total", center, top - 5, "middle", column.total());
            }
            for (int l = 0; l < column.labels().size(); l++) {
                text(svg, l == 0 ? "label" : "label sub", center, plotBottom + 16 + LABEL_LINE * l, "middle",
                        column.labels().get(l));
            }
            svg.append("</g>");
        }
        if (max == 0 && frame.emptyNote() != null) {
            text(svg, "empty", PLOT_LEFT + (width - RIGHT - PLOT_LEFT) / 2, middle, "middle", frame.emptyNote());
        }
        return svg.append("</svg>").toString();
    }

    /** Draws the legend in rows from the plot's left edge; returns the y its last row ends at. */
    private static double legend(StringBuilder svg, List<Legend> legend, double width) {
        double x = PLOT_LEFT;
        double y = 16;
        svg.append("<g class=\"chart-legend\">");
        for (Legend entry : legend) {
            double advance = 14 + entry.text().length() * LEGEND_CHAR + 18;
            if (x > PLOT_LEFT && x + advance > width) {
                x = PLOT_LEFT;
                y += LEGEND_ROW;
            }
            rect(svg, "swatch " + entry.cssClass(), x, y - 10, 10, 10);
            text(svg, "legend-text", x + 14, y, "start", entry.text());
            x += advance;
        }
        svg.append("</g>");
        return y + 4;
    }

    /** A round step for {@link #TICKS} ticks that reach at least {@code max}: 1, 2, 5 × 10ⁿ. */
    static long step(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step * TICKS >= max) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    /** {@code 950}, {@code 1.5k}, {@code 20k}: tick labels stay narrow. */
    static String shortCount(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        double k = n / 1_000.0;
        return (k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%.1f", k)) + "k";
    }

    private static void rect(StringBuilder svg, String cssClass, double x, double y, double w, double h) {
        svg.append("<rect class=\"").append(esc(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\"/>");
    }

    private static void text(StringBuilder svg, String cssClass, double x, double y, String anchor, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" text-anchor=\"").append(anchor).append("\">").append(esc(text))
                .append("</text>");
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String esc(String text) {
        return HtmlText.escape(text);
    }
}
