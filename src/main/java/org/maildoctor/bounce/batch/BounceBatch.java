package org.maildoctor.bounce.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.util.Optional;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/**
 * Reads one input of a batch, whatever it holds: a message, an mbox (streamed one message at a
 * time), webhook JSON (one event or an array), or a Postfix/Exim log. Results go to a
 * {@link BatchListener} as they are found and into an optional {@link BatchSummary}. No files are
 * opened here: the caller hands in a stream, so stdin, files and uploads are read alike.
 */
public final class BounceBatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIFF = 8192;

    private final TimeCappedParser parser;
    private final LogBounces logs;
    private final BatchListener listener;
    private final BatchSummary summary;
    private final Year year;
    private long decoded;

    /**
     * @param summary may be null when no summary is wanted
     * @param year    the year of syslog timestamps, which carry none (from an injected clock)
     */
    public BounceBatch(TimeCappedParser parser, BatchListener listener, BatchSummary summary, Year year) {
        this.parser = parser;
        this.logs = new LogBounces(BounceParser.standard());
        this.listener = listener;
        this.summary = summary;
        this.year = year;
    }

    /** Messages (and log lines) that were readable so far: they gave results or "not a bounce". */
    public long decoded() {
        return decoded;
    }

    /** Reads one source to its end. I/O errors are the caller's to report (the source was unreadable). */
    public void read(String source, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length == 0) {
            listener.warning(source, "empty file");
            return;
        }
        switch (InputFormat.sniff(head)) {
            case JSON -> readJson(source, in);
            case LOG -> readLog(source, in);
            case MESSAGES -> readMessages(source, in);
        }
    }

    private void readMessages(String source, InputStream in) throws IOException {
        try (MboxReader mbox = new MboxReader(in, BounceParser.MAX_BYTES)) {
            MboxReader.Message m;
            boolean any = false;
            while ((m = mbox.next()) != null) {
                any = true;
                long n = m.index() + 1;
                if (m.truncated()) {
                    listener.warning(label(source, n), "message larger than " + BounceParser.MAX_BYTES
                            + " bytes; only the start was read");
                }
                byte[] bytes = m.bytes();
                for (String cs : CharsetCheck.unknown(bytes)) {
                    listener.warning(label(source, n), "unknown charset '" + cs + "'; its text was read as UTF-8 "
                            + "(Latin-1 where that fails), so words in it may be garbled");
                }
                // the Date: field only matters to the summary's clusters; skip the scan otherwise
                handle(source, n, parser.parse(bytes), summary == null ? Optional.empty() : MessageDate.of(bytes, year));
            }
            if (!any) {
                listener.warning(source, "holds no message (only blank lines)");
            }
        }
    }

    private void readJson(String source, InputStream in) throws IOException {
        byte[] all = in.readNBytes(BounceParser.MAX_BYTES + 1);
        if (all.length > BounceParser.MAX_BYTES) {
            listener.warning(source, "JSON larger than " + BounceParser.MAX_BYTES + " bytes; not read");
            return;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(all);
        } catch (IOException e) {
            handle(source, 1, new ParseOutcome.Undecodable("not valid JSON"), Optional.empty());
            return;
        }
        if (tree != null && tree.isArray()) {
            // SendGrid and others post an array of events; each is read on its own
            long n = 0;
            for (JsonNode event : tree) {
                n++;
                handle(source, n, parser.parse(JSON.writeValueAsBytes(event)), Optional.empty());
            }
            return;
        }
        handle(source, 1, parser.parse(all), Optional.empty());
    }

    private void readLog(String source, InputStream in) throws IOException {
        LineReader lines = new LineReader(in, LogLine.MAX_LINE);
        String line;
        long n = 0;
        long bounced = 0;
        while ((line = lines.next()) != null) {
            n++;
            Optional<LogLine> l = LogLine.parse(line);
            if (l.isEmpty()) {
                continue; // deliveries, deferrals and the rest of a log are no bounces, and no news
            }
            bounced++;
            Optional<BounceResult> r = logs.toResult(l.get());
            if (r.isEmpty()) {
                listener.warning(label(source, n), "bounce line could not be classified");
                continue;
            }
            decoded++;
            if (summary != null) {
                summary.message(new ParseOutcome.Bounces(java.util.List.of(r.get()), r.get().dialect(), java.util.List.of()));
                summary.result(r.get(), MailDates.parse(r.get().lastAttemptDate(), year), source);
            }
            listener.result(source, n, r.get());
        }
        if (bounced == 0) {
            listener.warning(source, "a log with no bounce lines (Postfix status=bounced, Exim **)");
            decoded++; // it was read; it simply holds no bounce
        }
    }

    private void handle(String source, long n, ParseOutcome o, Optional<Instant> messageDate) {
        if (summary != null) {
            summary.message(o);
        }
        switch (o) {
            case ParseOutcome.Bounces b -> {
                decoded++;
                b.warnings().forEach(w -> listener.warning(label(source, n), w));
                for (BounceResult r : b.results()) {
                    if (summary != null) {
                        Optional<Instant> at = MailDates.parse(r.lastAttemptDate(), year)
                                .or(() -> MailDates.parse(r.arrivalDate(), year)).or(() -> messageDate);
                        summary.result(r, at, source);
                    }
                    listener.result(source, n, r);
                }
            }
            case ParseOutcome.NotABounce nb -> {
                decoded++;
                listener.noResult(source, n, o);
            }
            case ParseOutcome.Undecodable u -> {
                listener.warning(label(source, n), "undecodable (" + u.reason() + ")");
                listener.noResult(source, n, o);
            }
        }
    }

    private static String label(String source, long n) {
        return n <= 1 ? source : source + " (message " + n + ")";
    }

    /** What a source holds, from its first bytes. */
    enum InputFormat {
        JSON, LOG, MESSAGES;

        static InputFormat sniff(byte[] head) {
            int i = 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
                i++;
            }
            if (i < head.length && (head[i] == '{' || head[i] == '[')) {
                return JSON;
            }
            int end = i;
            while (end < head.length && head[end] != '\n' && head[end] != '\r') {
                end++;
            }
            String first = new String(head, i, end - i, StandardCharsets.ISO_8859_1);
            return LogLine.looksLikeLog(first) ? LOG : MESSAGES;
        }
    }
}
