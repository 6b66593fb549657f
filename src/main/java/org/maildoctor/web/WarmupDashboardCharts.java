package org.maildoctor.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.warmup.tracking.DailyStats;

/**
 * The mailbox dashboard's two charts as inline SVG drawn on the server, like {@link WarmupChart}:
 * the volume curve (bars: sent; line: planned) and placement over time (one stacked bar per day:
 * inbox, category, other, spam, missing, as shares of the messages placed that day).
 */
final class WarmupDashboardCharts {
    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    private static final int LEFT = SvgPlot.LEFT;
    private static final int TOP = SvgPlot.TOP;
    private static final double PLOT_W = WIDTH - LEFT - SvgPlot.RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - SvgPlot.BOTTOM;

    /** Placement classes bottom to top, with their colours. */
    static final List<String[]> PLACEMENTS = List.of(new String[] {"inbox", "#1a7f37"},
            new String[] {"category", "#3b9ea5"}, new String[] {"other", "#8c959f"}, new String[] {"spam", "#c0392b"},
            new String[] {"missing", "#e1c16e"});

    private WarmupDashboardCharts() {
    }

    /** @param planned the plan's volume per date (absent: no plan that day) */
    static String volume(List<DailyStats> days, Map<LocalDate, Integer> planned) {
        int max = 1;
        for (DailyStats d : days) {
            max = Math.max(max, Math.max(d.sent(), planned.getOrDefault(d.day(), 0)));
        }
        double slot = PLOT_W / days.size();
        StringBuilder s = SvgPlot.open("volume-chart", WIDTH, HEIGHT, String.format(Locale.ROOT,
                "Messages sent per day (bars) against the plan (line), %s to %s", days.getFirst().day(),
                days.getLast().day()));
        SvgPlot.axes(s, WIDTH, HEIGHT, max, "", days.getFirst().day(), days.getLast().day());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            DailyStats d = days.get(i);
            double x = LEFT + slot * i;
            double h = PLOT_H * d.sent() / max;
            s.append(String.format(Locale.ROOT, "<rect class=\"sent\" data-date=\"%s\" data-sent=\"%d\" x=\"%.1f\" "
                    + "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"><title>%s: %d sent, %d bounced"
                    + "</title></rect>", d.day(), d.sent(), x + slot * 0.15, TOP + PLOT_H - h,
                    Math.max(0.5, slot * 0.7), h, d.day(), d.sent(), d.bounces()));
            Integer p = planned.get(d.day());
            if (p != null) {
                double y = TOP + PLOT_H - PLOT_H * p / max;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + slot / 2, y));
                s.append(String.format(Locale.ROOT, "<circle class=\"planned\" data-date=\"%s\" data-planned=\"%d\" "
                        + "cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#12263f\"><title>%s: %d planned</title></circle>",
                        d.day(), p, x + slot / 2, y, d.day(), p));
            }
        }
        if (!line.isEmpty()) {
            s.append("<polyline class=\"plan-line\" fill=\"none\" stroke=\"#12263f\" stroke-width=\"1.5\" "
                    + "points=\"").append(line.toString().trim()).append("\"/>");
        }
        legend(s, List.of(new String[] {"sent", "#3b6ea5"}, new String[] {"planned", "#12263f"}));
        return s.append("</svg>").toString();
    }

    static String placement(List<DailyStats> days) {
        double slot = PLOT_W / days.size();
        StringBuilder s = SvgPlot.open("placement-chart", WIDTH, HEIGHT, String.format(Locale.ROOT,
                "Where the pool found this mailbox's messages each day, %s to %s", days.getFirst().day(),
                days.getLast().day()));
        SvgPlot.axes(s, WIDTH, HEIGHT, 100, " %", days.getFirst().day(), days.getLast().day());
        for (int i = 0; i < days.size(); i++) {
            DailyStats d = days.get(i);
            if (d.placed() == 0) {
                continue;
            }
            int[] counts = {d.inbox(), d.category(), d.other(), d.spam(), d.missing()};
            double bottom = TOP + PLOT_H;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] == 0) {
                    continue;
                }
                double h = PLOT_H * counts[k] / d.placed();
                bottom -= h;
                String name = PLACEMENTS.get(k)[0];
                s.append(String.format(Locale.ROOT, "<rect class=\"placed %s\" data-date=\"%s\" data-count=\"%d\" "
                        + "x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d of %d in %s"
                        + "</title></rect>", name, d.day(), counts[k], LEFT + slot * i + slot * 0.15, bottom,
                        Math.max(0.5, slot * 0.7), h, PLACEMENTS.get(k)[1], d.day(), counts[k], d.placed(), name));
            }
        }
        legend(s, PLACEMENTS);
        return s.append("</svg>").toString();
    }

    private static void legend(StringBuilder s, List<String[]> entries) {
        double x = LEFT;
        for (String[] e : entries) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>", x, HEIGHT - 14, e[1],
                    x + 14, HEIGHT - 5, e[0]));
            x += 24 + 7 * e[0].length();
        }
    }
}
