package org.maildoctor.web;

import java.util.Locale;

/** The frame the warm-up charts share: an SVG element with a title, axes, y ticks and end labels. */
final class SvgPlot {
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BOTTOM = 36;

    private SvgPlot() {
    }

    static StringBuilder open(String id, int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-title\">"
                + "<title id=\"%s-title\">%s</title>", id, width, height, width, height, id, id, title));
    }

    /** Both axes, y ticks at 0, half and {@code max} (with {@code unit}), and the first and last x label. */
    static void axes(StringBuilder s, int width, int height, int max, String unit, Object first, Object last) {
        double plotH = height - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                LEFT, TOP, LEFT, height - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                LEFT, height - BOTTOM, width - RIGHT, height - BOTTOM));
        for (int v : new int[] {0, max / 2, max}) {
            double y = TOP + plotH - plotH * v / max;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                    + "fill=\"#333\">%d%s</text>", LEFT - 6, y + 4, v, unit));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>",
                LEFT, height - BOTTOM + 14, first));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
                + "fill=\"#333\">%s</text>", width - RIGHT, height - BOTTOM + 14, last));
    }
}
