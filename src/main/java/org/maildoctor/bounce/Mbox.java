package org.maildoctor.bounce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an mbox (RFC 4155) into messages at its "From " separator lines. Only a line shaped like a
 * real separator ({@code From sender asctime-date}) splits, so prose that starts with "From " does
 * not. A file with no separator is one message. Pure: bytes in, byte slices out.
 */
public final class Mbox {

    private static final Pattern SEPARATOR = Pattern.compile(
            "From \\S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d\\d:\\d\\d(?::\\d\\d)? .*");

    private Mbox() {
    }

    public static List<byte[]> split(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n' || data[i] == '\r') {
                if (lineStart > 0 && isSeparator(data, lineStart, i)) {
                    addIfContent(out, data, start, lineStart);
                    start = lineStart;
                }
                lineStart = i + 1;
            }
        }
        addIfContent(out, data, start, data.length);
        return out;
    }

    private static boolean isSeparator(byte[] d, int from, int to) {
        if (to - from < 10 || d[from] != 'F' || d[from + 1] != 'r' || d[from + 2] != 'o' || d[from + 3] != 'm'
                || d[from + 4] != ' ') {
            return false;
        }
        return SEPARATOR.matcher(new String(d, from, Math.min(to - from, 200), StandardCharsets.ISO_8859_1)).matches();
    }

    private static void addIfContent(List<byte[]> out, byte[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (d[i] != '\n' && d[i] != '\r' && d[i] != ' ') {
                out.add(Arrays.copyOfRange(d, from, to));
                return;
            }
        }
    }
}
