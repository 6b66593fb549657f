package org.maildoctor.bounce.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Lines of a log with bounded memory: a line longer than the limit is cut, the rest skipped. */
final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] line;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
        this.line = new byte[max];
    }

    /** The next line without its ending, or null at the end; a cut line ends in U+FFFD. */
    String next() throws IOException {
        int n = 0;
        boolean cut = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (n < max) {
                line[n++] = (byte) b;
            } else {
                cut = true;
            }
        }
        if (b < 0 && n == 0 && !cut) {
            return null;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        String s = new String(line, 0, n, StandardCharsets.UTF_8);
        return cut ? s + '\uFFFD' : s;
    }
}
