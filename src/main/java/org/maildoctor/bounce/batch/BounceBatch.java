package org.maildoctor.bounce.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/**
 * Reads one input of a batch, whatever it holds: a message, an mbox (streamed one message at a
 * time), webhook JSON (one event or an array), or a Postfix/Exim log. Results go to a
 * {@link BatchListener} as they are found and into an optional {@link BatchSummary}. Each message is
 * parsed under a time cap ({@link CappedLoop}); one over it is reported undecodable and the batch
 * goes on. No files are opened here: the caller hands in a stream, so stdin, files and uploads are
 * read alike. One source at a time; not thread-safe.
 */
public final class BounceBatch {

    public static final Duration DEFAULT_TIME_CAP = Duration.ofSeconds(10);
    /** Webhook JSON only: set up on first use, since a batch of mail files never needs Jackson. */
    private static final class Webhooks {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    private static final int SNIFF = 8192;

    private final BounceParser parser;
    private final Duration cap;
    private final LogBounces logs;
    private final BatchListener listener;
    private final BatchSummary summary;
    private final Year year;
    private long decoded;
    private long timedOut;
    /** Non-null in a batch that reads for {@link #readAll}: its events, for the coordinator to replay. */
    private List<java.util.function.Consumer<BounceBatch>> deferred;
    /** In such a batch: the I/O error that ended its read, reported when replayed. */
    private Exception failure;
    /** In such a batch: its loops run on the read-ahead thread itself, watched by the coordinator. */
    private CappedLoop.Watch watch;
    /** In such a batch: an unexpected failure of its read, rethrown when replayed. */
    private Throwable crash;

    /**
     * @param cap     the per-message parse time cap
     * @param summary may be null when no summary is wanted
     * @param year    the year of syslog timestamps, which carry none (from an injected clock)
     */
    public BounceBatch(BounceParser parser, Duration cap, BatchListener listener, BatchSummary summary, Year year) {
        if (cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("the time cap must be positive");
        }
        this.parser = parser;
        this.cap = cap;
        this.logs = new LogBounces(parser);
        this.listener = listener;
        this.summary = summary;
        this.year = year;
    }

    /** Messages (and log lines) that were readable so far: they gave results or "not a bounce". */
    public long decoded() {
        return decoded;
    }

    /** Messages that hit the time cap so far. */
    public long timedOut() {
        return timedOut;
    }

    /** One input of {@link #readAll}. */
    public interface Input {
        String name();

        InputStream open() throws IOException;

        /** Its size in bytes, or -1 when unknown (stdin): large or unknown inputs are read alone, streamed. */
        default long size() {
            return -1;
        }

        /** All its bytes, for a small input read whole; fails as {@link #open} or reading the stream would. */
        default byte[] readAll() throws IOException {
            try (InputStream s = open()) {
                return s.readAllBytes();
            }
        }
    }

    /** Inputs up to this size are read ahead on other threads, their findings held until their turn. */
    static final long READ_AHEAD_MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Reads {@code inputs} as {@link #read} would one after another, with the same listener calls, summary
     * and warnings in the same order, but parses up to {@code threads} small inputs at once: a directory of
     * bounces is many small files, and one core per file at a time left the others idle. A few chunks of
     * consecutive small inputs ahead are read into memory-bounded lists of findings and replayed in order (a
     * chunk with a message over the cap is read again here, whole); large ones (an mbox) and stdin
     * are streamed on this thread as before. {@code unreadable} gets, in order, each input that failed with
     * an I/O error (what was found in it before the error is reported first, as in a sequential read).
     * Inputs are taken from {@code inputs} only a few chunks ahead of the one being replayed.
     *
     * @return the number of inputs
     */
    public long readAll(Iterable<? extends Input> inputs, int threads, java.util.function.BiConsumer<Input, Exception> unreadable) {
        long n = 0;
        if (threads <= 1) {
            for (Input in : inputs) {
                n++;
                readOne(in, unreadable);
            }
            return n;
        }
        java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor)
                java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "bounce-read-ahead");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Chunks chunks = new Chunks(inputs.iterator());
            int window = threads * 4;
            java.util.ArrayDeque<Ahead> ahead = new java.util.ArrayDeque<>(window);
            while (true) {
                // the inputs are taken (a directory walked) only as far as the window reaches
                while (ahead.size() < window && chunks.hasNext()) {
                    List<Input> next = chunks.next();
                    n += next.size();
                    CappedLoop.Watch w = new CappedLoop.Watch();
                    ahead.add(new Ahead(next, readsAhead(next.get(0)) ? pool.submit(() -> readChunk(next, w)) : null, w));
                }
                Ahead a = ahead.poll();
                if (a == null) {
                    return n;
                }
                List<BounceBatch> read = a.read() == null ? null : awaitWithin(a.read(), a.watch());
                if (read != null) {
                    for (int k = 0; k < a.chunk().size(); k++) {
                        replay(a.chunk().get(k), read.get(k), unreadable);
                    }
                } else {
                    if (a.read() != null) {
                        // a message of it ran over the cap on its read-ahead thread, which may never come back:
                        // give the pool a thread in its place, and read the chunk again here, under the cap
                        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
                    }
                    for (Input in : a.chunk()) {
                        readOne(in, unreadable);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A chunk handed to the pool (or, when {@code read} is null, to be read on the coordinator). */
    private record Ahead(List<Input> chunk, java.util.concurrent.Future<List<BounceBatch>> read, CappedLoop.Watch watch) {
    }

    private static boolean readsAhead(Input in) {
        long size = in.size();
        return size >= 0 && size <= READ_AHEAD_MAX_BYTES;
    }

    /** Read-ahead inputs per hand-over, and their bytes: a hand-over per small file cost more than reading it. */
    static final int CHUNK_INPUTS = 16;
    static final long CHUNK_BYTES = 256 * 1024;

    /** Runs of consecutive read-ahead inputs, each under both chunk limits; any other input alone. */
    private static final class Chunks implements java.util.Iterator<List<Input>> {
        private final java.util.Iterator<? extends Input> inputs;
        private Input held;

        Chunks(java.util.Iterator<? extends Input> inputs) {
            this.inputs = inputs;
        }

        @Override
        public boolean hasNext() {
            return held != null || inputs.hasNext();
        }

        @Override
        public List<Input> next() {
            Input first = held != null ? held : inputs.next();
            held = null;
            if (!readsAhead(first)) {
                return List.of(first);
            }
            List<Input> run = new java.util.ArrayList<>(CHUNK_INPUTS);
            run.add(first);
            long bytes = first.size();
            while (run.size() < CHUNK_INPUTS && inputs.hasNext()) {
                Input in = inputs.next();
                if (!readsAhead(in) || bytes + in.size() > CHUNK_BYTES) {
                    held = in;
                    break;
                }
                run.add(in);
                bytes += in.size();
            }
            return run;
        }
    }

    /** Reads a chunk on a read-ahead thread; null when a message of it overran the cap (see {@link #readDeferred}). */
    private List<BounceBatch> readChunk(List<Input> chunk, CappedLoop.Watch w) {
        List<BounceBatch> out = new java.util.ArrayList<>(chunk.size());
        for (Input in : chunk) {
            BounceBatch b = readDeferred(in, w);
            if (b == null) {
                return null;
            }
            out.add(b);
        }
        return out;
    }

    private void readOne(Input in, java.util.function.BiConsumer<Input, Exception> unreadable) {
        try (InputStream s = in.open()) {
            read(in.name(), s);
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            unreadable.accept(in, e);
        }
    }

    /**
     * Reads one input on a read-ahead thread into a batch whose events wait for {@link #replay}. Its loops
     * run on this thread (no hand-over per input); the coordinator watches the time cap through {@code w}.
     */
    private BounceBatch readDeferred(Input in, CappedLoop.Watch w) {
        BounceBatch b = new BounceBatch(parser, cap, listener, summary, year);
        b.deferred = new java.util.ArrayList<>();
        b.watch = w;
        try {
            byte[] all = readWhole(in);
            if (all != null) {
                b.read(in.name(), all);
            } else {
                try (InputStream s = in.open()) {
                    b.read(in.name(), s);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            b.failure = e;
        } catch (CappedLoop.Abandoned e) {
            return null; // the coordinator reads this input again itself
        } catch (RuntimeException | Error e) {
            b.crash = e; // thrown when its turn comes, after the inputs before it are replayed
        }
        return b;
    }

    /**
     * A small input's bytes in one read, or null when reading it whole failed: it is then streamed, so
     * that what it holds before a bad block is still found, as in a sequential read.
     */
    private static byte[] readWhole(Input in) {
        try {
            return in.readAll();
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return null;
        }
    }

    /** The read-ahead result, or null when a message of it has been computing for longer than the cap. */
    private <T> T awaitWithin(java.util.concurrent.Future<T> f, CappedLoop.Watch w) {
        long capNanos = cap.toNanos();
        long poll = Math.max(1, Math.min(100, cap.toMillis() / 4));
        while (true) {
            try {
                return f.get(poll, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (w.overrun(capNanos)) {
                    w.abandoned = true;
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading ahead", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void replay(Input in, BounceBatch read, java.util.function.BiConsumer<Input, Exception> unreadable) {
        for (java.util.function.Consumer<BounceBatch> e : read.deferred) {
            e.accept(this);
        }
        timedOut += read.timedOut;
        if (read.crash instanceof RuntimeException r) {
            throw r;
        }
        if (read.crash instanceof Error e) {
            throw e;
        }
        if (read.failure != null) {
            unreadable.accept(in, read.failure);
        }
    }


    /** Reads one source to its end. I/O errors are the caller's to report (the source was unreadable). */
    public void read(String source, InputStream raw) throws IOException {
        // small buffers: most inputs are one bounce of a few kilobytes, and a directory holds thousands
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length == 0) {
            report(b -> b.listener.warning(source, "empty file"));
            return;
        }
        switch (InputFormat.sniff(head)) {
            case JSON -> readJson(source, in);
            case LOG -> readLog(source, in);
            case MESSAGES -> readMessages(source, new MboxReader(in, BounceParser.MAX_BYTES));
        }
    }

    /** {@link #read(String, InputStream)} of an input already in memory. */
    public void read(String source, byte[] all) throws IOException {
        if (all.length == 0) {
            report(b -> b.listener.warning(source, "empty file"));
            return;
        }
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(all);
        switch (InputFormat.sniff(all, Math.min(all.length, SNIFF))) {
            case JSON -> readJson(source, in);
            case LOG -> readLog(source, in);
            case MESSAGES -> readMessages(source, new MboxReader(all, BounceParser.MAX_BYTES));
        }
    }

    /** A parsed message with what the batch notices beside the parser. */
    private record Parsed(ParseOutcome outcome, Set<String> unknownCharsets, Optional<Instant> date) {
    }

    private void readMessages(String source, MboxReader reader) throws IOException {
        try (MboxReader mbox = reader) {
            long[] count = {0};
            CappedLoop.run(new CappedLoop.Steps<MboxReader.Message, Parsed>() {
                @Override
                public MboxReader.Message next() throws IOException {
                    return mbox.next();
                }

                @Override
                public Parsed compute(MboxReader.Message m) {
                    byte[] bytes = m.bytes();
                    // the Date: field only matters to the summary's clusters; skip the scan otherwise
                    return new Parsed(parser.parse(bytes), CharsetCheck.unknown(bytes),
                            summary == null ? Optional.empty() : MessageDate.of(bytes, year));
                }

                @Override
                public void emit(MboxReader.Message m, Parsed p) {
                    count[0]++;
                    String label = label(source, m.index() + 1);
                    if (m.truncated()) {
                        report(b -> b.listener.warning(label, "message larger than " + BounceParser.MAX_BYTES
                                + " bytes; only the start was read"));
                    }
                    for (String cs : p.unknownCharsets()) {
                        report(b -> b.listener.warning(label, "unknown charset '" + cs + "'; its text was read as UTF-8 "
                                + "(Latin-1 where that fails), so words in it may be garbled"));
                    }
                    report(b -> b.handle(source, m.index() + 1, p.outcome(), p.date()));
                }

                @Override
                public void timedOut(MboxReader.Message m, Duration c) {
                    count[0]++;
                    ParseOutcome late = timeLimit(c);
                    report(b -> b.handle(source, m.index() + 1, late, Optional.empty()));
                }
            }, cap, watch);
            if (count[0] == 0) {
                report(b -> b.listener.warning(source, "holds no message (only blank lines)"));
            }
        }
    }

    private ParseOutcome timeLimit(Duration c) {
        timedOut++;
        return new ParseOutcome.Undecodable("time limit: parsing took longer than " + c.toMillis() + " ms; the message was skipped");
    }

    private record Event(long index, byte[] bytes) {
    }

    private void readJson(String source, InputStream in) throws IOException {
        byte[] all = in.readNBytes(BounceParser.MAX_BYTES + 1);
        if (all.length > BounceParser.MAX_BYTES) {
            report(b -> b.listener.warning(source, "JSON larger than " + BounceParser.MAX_BYTES + " bytes; not read"));
            return;
        }
        JsonNode tree;
        try {
            tree = Webhooks.JSON.readTree(all);
        } catch (IOException e) {
            report(b -> b.handle(source, 1, new ParseOutcome.Undecodable("not valid JSON"), Optional.empty()));
            return;
        }
        // SendGrid and others post an array of events; each is read on its own
        Iterator<JsonNode> events = tree != null && tree.isArray() ? tree.iterator() : null;
        long[] n = {0};
        boolean[] single = {events == null};
        CappedLoop.run(new CappedLoop.Steps<Event, ParseOutcome>() {
            @Override
            public Event next() throws IOException {
                if (single[0]) {
                    single[0] = false;
                    return new Event(++n[0], all);
                }
                return events != null && events.hasNext() ? new Event(++n[0], Webhooks.JSON.writeValueAsBytes(events.next())) : null;
            }

            @Override
            public ParseOutcome compute(Event e) {
                return parser.parse(e.bytes());
            }

            @Override
            public void emit(Event e, ParseOutcome o) {
                report(b -> b.handle(source, e.index(), o, Optional.empty()));
            }

            @Override
            public void timedOut(Event e, Duration c) {
                ParseOutcome late = timeLimit(c);
                report(b -> b.handle(source, e.index(), late, Optional.empty()));
            }
        }, cap, watch);
    }

    private record Line(long number, LogLine line) {
    }

    private void readLog(String source, InputStream in) throws IOException {
        LineReader lines = new LineReader(in, LogLine.MAX_LINE);
        long[] n = {0};
        long[] bounced = {0};
        CappedLoop.run(new CappedLoop.Steps<Line, Optional<BounceResult>>() {
            @Override
            public Line next() throws IOException {
                String text;
                while ((text = lines.next()) != null) {
                    n[0]++;
                    Optional<LogLine> l = LogLine.parse(text);
                    if (l.isPresent()) {
                        return new Line(n[0], l.get());
                    }
                    // deliveries, deferrals and the rest of a log are no bounces, and no news
                }
                return null;
            }

            @Override
            public Optional<BounceResult> compute(Line l) {
                return logs.toResult(l.line());
            }

            @Override
            public void emit(Line l, Optional<BounceResult> r) {
                bounced[0]++;
                if (r.isEmpty()) {
                    report(b -> b.listener.warning(label(source, l.number()), "bounce line could not be classified"));
                    return;
                }
                report(b -> b.logResult(source, l.number(), r.get()));
            }

            @Override
            public void timedOut(Line l, Duration c) {
                bounced[0]++;
                timedOut++;
                report(b -> b.listener.warning(label(source, l.number()),
                        "time limit: classifying the line took longer than " + c.toMillis() + " ms"));
            }
        }, cap, watch);
        if (bounced[0] == 0) {
            report(b -> {
                b.listener.warning(source, "a log with no bounce lines (Postfix status=bounced, Exim **)");
                b.decoded++; // it was read; it simply holds no bounce
            });
        }
    }

    private void logResult(String source, long line, BounceResult r) {
        decoded++;
        if (summary != null) {
            summary.message(new ParseOutcome.Bounces(List.of(r), r.dialect(), List.of()));
            summary.result(r, MailDates.parse(r.lastAttemptDate(), year), source);
        }
        listener.result(source, line, r);
    }

    /**
     * What a read finds goes through here: straight to this batch's listener and summary, or, in a batch
     * reading one input of {@link #readAll} on another thread, into a list that the coordinating batch
     * replays in input order.
     */
    private void report(java.util.function.Consumer<BounceBatch> event) {
        if (deferred != null) {
            deferred.add(event);
        } else {
            event.accept(this);
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
            return sniff(head, head.length);
        }

        /** From the first {@code length} bytes of {@code head}. */
        static InputFormat sniff(byte[] head, int length) {
            int i = 0;
            while (i < length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
                i++;
            }
            if (i < length && (head[i] == '{' || head[i] == '[')) {
                return JSON;
            }
            int end = i;
            while (end < length && head[end] != '\n' && head[end] != '\r') {
                end++;
            }
            String first = new String(head, i, end - i, StandardCharsets.ISO_8859_1);
            return LogLine.looksLikeLog(first) ? LOG : MESSAGES;
        }
    }
}
