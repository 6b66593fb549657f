package org.maildoctor.verify.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.maildoctor.verify.Verification;
import org.maildoctor.verify.Verifier;

/**
 * Runs a bulk job over a CSV file with bounded memory: the rows are imported into the store, then
 * claimed {@value #CHUNK} at a time (so they share SMTP sessions in the {@link Verifier}); a row is
 * marked started, durably, just before its first RCPT TO is written, and its result stored (row
 * done) as soon as its verdict is known — before the session sends its next RCPT. Run again after a
 * crash, it finds the job by its input; rows with a result are never probed again, claimed rows
 * that never started are probed as usual, and rows started without a result (their RCPT was in
 * flight at the crash, see docs/cli-verify.md) get {@code unknown}/{@code interrupted} — not asked
 * again, so no address is probed twice — unless the caller opts in to retrying them. The output
 * CSV is written from the store at the end, in input order, one row per input row.
 */
public final class BulkJobRunner {
    /** Rows per stored chunk: large enough to share sessions, small enough to lose little on a crash. */
    public static final int CHUNK = 500;
    static final int IMPORT_BATCH = 1000;
    private static final List<String> EMAIL_COLUMNS = List.of("email", "e-mail", "email_address", "emailaddress",
            "address", "mail");

    private final Verifier verifier;
    private final VerificationJobs jobs;
    private final Clock clock;
    private final String worker;
    private final Duration claimLease;
    private final boolean retryInterrupted;

    /** A single node (H2): every claim without a result at start was open when the last run died. */
    public BulkJobRunner(Verifier verifier, VerificationJobs jobs) {
        this(verifier, jobs, Clock.systemUTC(), "local", Duration.ZERO);
    }

    public BulkJobRunner(Verifier verifier, VerificationJobs jobs, Clock clock, String worker, Duration claimLease) {
        this(verifier, jobs, clock, worker, claimLease, false);
    }

    /**
     * @param worker     this worker's name in claims (node and process)
     * @param claimLease a claim older than this without a result is taken as lost (its worker died);
     *                   zero when this is the only worker of the job
     * @param retryInterrupted probe rows interrupted by a crash again (their RCPT may then reach the
     *                   server twice) instead of giving them {@code unknown}/{@code interrupted}
     */
    public BulkJobRunner(Verifier verifier, VerificationJobs jobs, Clock clock, String worker, Duration claimLease,
                         boolean retryInterrupted) {
        this.verifier = verifier;
        this.jobs = jobs;
        this.clock = clock;
        this.worker = worker;
        this.claimLease = claimLease;
        this.retryInterrupted = retryInterrupted;
    }

    /**
     * Finds or creates the job of this input and records its row count; checks the column first,
     * so a bad file fails here with a {@link BulkInputException}.
     */
    public VerificationJobs.JobRef open(Path input, String column) {
        if (!Files.isRegularFile(input)) {
            throw new BulkInputException("cannot read " + input + ": no such file");
        }
        Layout layout = layout(input, column);
        long total = countRows(input, layout);
        VerificationJobs.JobRef job = jobs.openOrCreate(key(input, column), input.toAbsolutePath().toString());
        jobs.setTotal(job.id(), total);
        return job;
    }

    public BulkSummary run(Path input, String column, Path output, PrintWriter progressOut) {
        VerificationJobs.JobRef job = prepare(input, column);
        BulkSummary work = work(job, progressOut);
        writeOutput(job.id(), output);
        jobs.finish(job.id());
        return new BulkSummary(job.id(), work.rows(), work.verifiedNow(), job.resumed(), work.interrupted(),
                work.retried(), output, jobs.counts(job.id()));
    }

    /** {@link #open}, then imports the input's rows so that any worker of any node can claim them. */
    public VerificationJobs.JobRef prepare(Path input, String column) {
        VerificationJobs.JobRef job = open(input, column);
        importRows(job.id(), input, layout(input, column));
        return job;
    }

    /**
     * Copies the input rows into the store (resuming after the rows already there), so any worker
     * can claim them; one transaction per {@value #IMPORT_BATCH} rows.
     */
    void importRows(long jobId, Path input, Layout layout) {
        long skip = jobs.importedRows(jobId);
        try (CsvRecords csv = open(input)) {
            if (layout.header) {
                csv.next();
            }
            List<VerificationJobs.InputRow> batch = new ArrayList<>();
            long row = 0;
            for (List<String> r; (r = csv.next()) != null; ) {
                if (++row <= skip) {
                    continue;
                }
                String address = layout.column < r.size() ? r.get(layout.column) : "";
                batch.add(new VerificationJobs.InputRow(row, Verifier.shorten(address)));
                if (batch.size() == IMPORT_BATCH) {
                    jobs.importRows(jobId, batch);
                    batch.clear();
                }
            }
            jobs.importRows(jobId, batch);
        } catch (IOException e) {
            throw new BulkInputException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    /**
     * Works the job until no row is left: takes over the rows whose claim is older than the claim
     * lease (their worker died; see {@link #recover}), then claims {@value #CHUNK} rows at a time
     * and stores each result as soon as its verdict is known. Several workers (nodes) may run this
     * on one job at once. Returns rows, rows verified here and rows interrupted by a crash.
     */
    public BulkSummary work(VerificationJobs.JobRef job, PrintWriter progressOut) {
        long total = jobs.state(job.id()).map(VerificationJobs.JobState::total).orElse(0L);
        AtomicLong done = new AtomicLong(jobs.doneCount(job.id()));
        AtomicLong verifiedNow = new AtomicLong();
        long interrupted = recover(job.id(), done, null);
        Progress progress = new Progress(progressOut, clock, total, done.get());
        while (true) {
            List<VerificationJobs.InputRow> rows = jobs.claim(job.id(), worker, CHUNK);
            if (rows.isEmpty()) {
                if (jobs.claimedCount(job.id()) == 0) {
                    break;
                }
                // another worker still has rows in flight; take them over if it dies
                sleep(Duration.ofMillis(200));
                interrupted += recover(job.id(), done, progress);
                continue;
            }
            List<String> addresses = rows.stream().map(VerificationJobs.InputRow::address).toList();
            Set<Integer> stored = ConcurrentHashMap.newKeySet();
            List<Verification> all = verifier.verifyAll(addresses, settled -> {
                List<RowResult> out = new ArrayList<>(settled.size());
                settled.forEach((i, v) -> {
                    if (stored.add(i)) {
                        out.add(RowResult.of(rows.get(i).row(), v));
                    }
                });
                store(job.id(), out, done, verifiedNow, progress);
            }, sending -> jobs.markStarted(job.id(), sending.stream().map(i -> rows.get(i).row()).toList()));
            List<RowResult> rest = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (stored.add(i)) {
                    rest.add(RowResult.of(rows.get(i).row(), all.get(i)));
                }
            }
            store(job.id(), rest, done, verifiedNow, progress);
        }
        progress.finish(jobs.doneCount(job.id()));
        return new BulkSummary(job.id(), total, verifiedNow.get(), job.resumed(), interrupted, retryInterrupted,
                Path.of(""), Map.of());
    }

    /**
     * Rows of dead workers (claimed before the claim lease): those never started go back to
     * pending; those started without a result — their RCPT may have reached the server — get
     * {@code unknown}/{@code interrupted}, or with the opt-in go back to pending too (and so do
     * earlier {@code interrupted} verdicts). Returns how many rows were interrupted.
     */
    private long recover(long jobId, AtomicLong done, Progress progress) {
        java.time.Instant cutoff = clock.instant().minus(claimLease);
        jobs.releaseClaims(jobId, cutoff);
        if (retryInterrupted) {
            long n = jobs.retryInterrupted(jobId, cutoff);
            done.set(jobs.doneCount(jobId));
            return n;
        }
        long n = 0;
        for (List<VerificationJobs.InputRow> rows; !(rows = jobs.claimInterrupted(jobId, worker, cutoff, CHUNK))
                .isEmpty(); ) {
            List<RowResult> out = rows.stream().map(r -> RowResult.of(r.row(), verifier.interrupted(r.address())))
                    .toList();
            jobs.record(jobId, out);
            n += out.size();
            long d = done.addAndGet(out.size());
            if (progress != null) {
                synchronized (progress) {
                    progress.update(d, false);
                }
            }
        }
        return n;
    }

    private void store(long jobId, List<RowResult> out, AtomicLong done, AtomicLong verifiedNow, Progress progress) {
        if (out.isEmpty()) {
            return;
        }
        jobs.record(jobId, out);
        verifiedNow.addAndGet(out.size());
        long d = done.addAndGet(out.size());
        synchronized (progress) {
            progress.update(d, false);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record Layout(boolean header, int column) {
    }

    /** Which column holds the addresses, and whether the first record is a header. */
    static Layout layout(Path input, String column) {
        try (CsvRecords csv = open(input)) {
            List<String> first = csv.next();
            if (first == null) {
                return new Layout(false, 0);
            }
            List<String> names = first.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            if (column != null) {
                int i = names.indexOf(column.strip().toLowerCase(Locale.ROOT));
                if (i < 0) {
                    throw new BulkInputException("no column '" + column + "' in " + input + "; columns found: "
                            + String.join(", ", first));
                }
                return new Layout(true, i);
            }
            for (String candidate : EMAIL_COLUMNS) {
                int i = names.indexOf(candidate);
                if (i >= 0) {
                    return new Layout(true, i);
                }
            }
            if (first.size() == 1 && first.getFirst().contains("@")) {
                return new Layout(false, 0);
            }
            throw new BulkInputException("no email column in " + input + "; columns found: " + String.join(", ", first)
                    + " (name one with --column)");
        } catch (IOException e) {
            throw new BulkInputException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    private static long countRows(Path input, Layout layout) {
        long n = 0;
        try (CsvRecords csv = open(input)) {
            while (csv.next() != null) {
                n++;
            }
        } catch (IOException e) {
            throw new BulkInputException("cannot read " + input + ": " + e.getMessage(), e);
        }
        return layout.header ? Math.max(0, n - 1) : n;
    }

    private static CsvRecords open(Path input) throws IOException {
        InputStream in = Files.newInputStream(input);
        // malformed UTF-8 becomes U+FFFD (InputStreamReader's default): the row gets a syntax verdict
        return new CsvRecords(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Input identity: path, size, column and the first megabyte's hash. */
    static String key(Path input, String column) {
        try (InputStream in = Files.newInputStream(input)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(input.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            md.update(("\0" + Files.size(input) + "\0" + (column == null ? "" : column) + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            md.update(in.readNBytes(1 << 20));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new BulkInputException("cannot read " + input + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeOutput(long jobId, Path output) {
        Path dir = output.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".maildoctor-verify", ".csv.tmp");
        } catch (IOException e) {
            throw new BulkInputException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(csvLine(RowResult.HEADER));
            jobs.forEachResult(jobId, r -> {
                try {
                    w.write(csvLine(r.fields()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BulkInputException("cannot write " + output + ": " + e.getMessage(), e);
        }
        try {
            try {
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BulkInputException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /** RFC 4180 quoting; a field starting with = + - @ gets a quote prefix against spreadsheet formula injection. */
    public static String csvLine(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && i > 0) {
                f = "'" + f;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
