package org.maildoctor.verify.bulk;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The progress line on stderr: done/total, percent, rate, ETA; redrawn at most twice a second.
 * Hand-written: one line, no terminal library, and it must also read well in a log file.
 */
final class Progress {
    private final PrintWriter err;
    private final Clock clock;
    private final long total;
    private final long startDone;
    private final Instant start;
    private Instant lastDraw = Instant.EPOCH;

    Progress(PrintWriter err, Clock clock, long total, long startDone) {
        this.err = err;
        this.clock = clock;
        this.total = total;
        this.startDone = startDone;
        this.start = clock.instant();
    }

    void update(long done, boolean force) {
        if (err == null) {
            return;
        }
        Instant now = clock.instant();
        if (!force && Duration.between(lastDraw, now).toMillis() < 500) {
            return;
        }
        lastDraw = now;
        double secs = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
        double rate = (done - startDone) / secs;
        String eta = rate > 0 ? human((long) ((total - done) / rate)) : "?";
        err.print(String.format(Locale.ROOT, "\rverify: %,d/%,d (%d%%) %.0f/s ETA %s   ", done, total,
                total == 0 ? 100 : done * 100 / total, rate, eta));
        err.flush();
    }

    void finish(long done) {
        if (err != null) {
            update(done, true);
            err.println();
            err.flush();
        }
    }

    private static String human(long s) {
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
