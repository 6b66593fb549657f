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
    private static final int LEFT = SvgPlot.LEFT;
    private static final int RIGHT = SvgPlot.RIGHT;
    private static final int TOP = SvgPlot.TOP;
    private static final int BOTTOM = SvgPlot.BOTTOM;

    private WarmupChart() {
    }

    static String svg(WarmupPlan plan) {
        List<PlanDay> days = plan.days();
        int max = Math.max(1, days.stream().mapToInt(PlanDay::volume).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / days.size();
        StringBuilder s = SvgPlot.open("warmup-chart", WIDTH, HEIGHT, String.format(Locale.ROOT,
                "Daily warm-up volume, %d to %d over %d days", plan.request().start(), plan.plateau(), days.size()));
        SvgPlot.axes(s, WIDTH, HEIGHT, max, "", days.getFirst().date(), days.getLast().date());
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
        return s.append("</svg>").toString();
    }
}
