package org.maildoctor.bounce.batch;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 cells: quoted when needed, quotes doubled. Hand-written: a few lines, no dependency. */
public final class Csv {
    private Csv() {
    }

    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(","));
    }
}
