package org.maildoctor.web;

import java.util.List;
import java.util.Locale;
import org.maildoctor.warmup.DayAction;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.WarmupPlan;

/**
 * The volume curve as inline SVG, drawn on the server: no script and no chart library, so the
 * page works offline and the picture is the same in every browser and in tests. One bar per day
 * (cuts and holds coloured), a line at the plateau and a mark at the promised day.
 */
final class WarmupChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private WarmupChart() {
    }

    static String svg(WarmupPlan plan) {
        List<PlanDay> days = plan.days();
        int max = Math.max(1, days.stream().mapToInt(PlanDay::volume).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / days.size();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg id=\"warmup-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"warmup-chart-title\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<title id=\"warmup-chart-title\">Daily warm-up volume, %d to %d over %d days"
                + "</title>", plan.request().start(), plan.plateau(), days.size()));
        // axes and y ticks at 0, half and the maximum
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        for (int v : new int[] {0, max / 2, max}) {
            double y = TOP + plotH - plotH * v / max;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                    + "fill=\"#333\">%d</text>", LEFT - 6, y + 4, v));
        }
        double plateauY = TOP + plotH - plotH * plan.plateau() / max;
        s.append(String.format(Locale.ROOT, "<line class=\"plateau\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                + "stroke=\"#2a7a2a\" stroke-dasharray=\"4 3\"/>", LEFT, plateauY, WIDTH - RIGHT, plateauY));
        StringBuilder line = new StringBuilder();
        for (PlanDay d : days) {
            double x = LEFT + slot * (d.day() - 1);
            double h = plotH * d.volume() / max;
            String fill = d.action() == DayAction.CUT ? "#c0392b" : d.action() == DayAction.HOLD ? "#e1a100" : "#3b6ea5";
            s.append(String.format(Locale.ROOT, "<rect class=\"day\" data-day=\"%d\" data-volume=\"%d\" x=\"%.1f\" "
                    + "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>day %d, %s: %d (%s)</title></rect>",
                    d.day(), d.volume(), x + slot * 0.1, TOP + plotH - h, Math.max(0.5, slot * 0.8), h, fill,
                    d.day(), d.date(), d.volume(), d.action().code()));
            if (d.volume() > 0) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2, TOP + plotH - h));
            }
        }
        s.append("<polyline class=\"curve\" fill=\"none\" stroke=\"#12263f\" stroke-width=\"1.5\" points=\"")
                .append(line.toString().trim()).append("\"/>");
        if (plan.promisedDay() <= days.size()) {
            double x = LEFT + slot * (plan.promisedDay() - 0.5);
            s.append(String.format(Locale.ROOT, "<line class=\"promised\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#2a7a2a\"/>", x, TOP, x, HEIGHT - BOTTOM));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                    + "fill=\"#2a7a2a\">target, day %d</text>", x, HEIGHT - BOTTOM + 28, plan.promisedDay()));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>",
                LEFT, HEIGHT - BOTTOM + 14, days.getFirst().date()));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
                + "fill=\"#333\">%s</text>", WIDTH - RIGHT, HEIGHT - BOTTOM + 14, days.getLast().date()));
        return s.append("</svg>").toString();
    }
}
