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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.maildoctor.verify.Verification;
import org.maildoctor.verify.Verifier;

/**
 * Runs a bulk job over a CSV file with bounded memory: rows are read in chunks, each chunk's
 * unverified rows go to the {@link Verifier} together (so they share SMTP sessions), and the
 * chunk's results are stored in one transaction before the next chunk starts. Run again after a
 * crash, it finds the job by its input and skips every stored row; only the chunk that was in
 * flight is probed again. The output CSV is written from the store at the end, in input order,
 * one row per input row.
 */
public final class BulkJobRunner {
    /** Rows per stored chunk: large enough to share sessions, small enough to lose little on a crash. */
    public static final int CHUNK = 500;
    private static final List<String> EMAIL_COLUMNS = List.of("email", "e-mail", "email_address", "emailaddress",
            "address", "mail");

    private final Verifier verifier;
    private final VerificationJobs jobs;
    private final Clock clock;

    public BulkJobRunner(Verifier verifier, VerificationJobs jobs) {
        this(verifier, jobs, Clock.systemUTC());
    }

    public BulkJobRunner(Verifier verifier, VerificationJobs jobs, Clock clock) {
        this.verifier = verifier;
        this.jobs = jobs;
        this.clock = clock;
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
        VerificationJobs.JobRef job = open(input, column);
        Layout layout = layout(input, column);
        long total = jobs.state(job.id()).map(VerificationJobs.JobState::total).orElse(0L);
        long already = jobs.doneCount(job.id());
        Progress progress = new Progress(progressOut, clock, total, already);
        long verifiedNow = 0;
        long done = already;
        try (CsvRecords csv = open(input)) {
            if (layout.header) {
                csv.next();
            }
            List<long[]> rows = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            long row = 0;
            for (List<String> r; (r = csv.next()) != null; ) {
                row++;
                rows.add(new long[] {row});
                addresses.add(layout.column < r.size() ? r.get(layout.column) : "");
                if (rows.size() == CHUNK) {
                    long n = chunk(job.id(), rows, addresses);
                    verifiedNow += n;
                    done += n;
                    progress.update(done, false);
                    rows.clear();
                    addresses.clear();
                }
            }
            if (!rows.isEmpty()) {
                long n = chunk(job.id(), rows, addresses);
                verifiedNow += n;
                done += n;
            }
        } catch (IOException e) {
            throw new BulkInputException("cannot read " + input + ": " + e.getMessage(), e);
        }
        progress.finish(done);
        writeOutput(job.id(), output);
        jobs.finish(job.id());
        return new BulkSummary(job.id(), total, verifiedNow, job.resumed(), output, jobs.counts(job.id()));
    }

    /** Verifies the rows of one chunk that have no stored result; returns how many. */
    private long chunk(long jobId, List<long[]> rows, List<String> addresses) {
        long from = rows.getFirst()[0];
        long to = rows.getLast()[0];
        BitSet done = jobs.doneRows(jobId, from, to);
        List<Long> todoRows = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!done.get(i)) {
                todoRows.add(rows.get(i)[0]);
                todo.add(addresses.get(i));
            }
        }
        if (todo.isEmpty()) {
            return 0;
        }
        List<Verification> results = verifier.verifyAll(todo);
        List<RowResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            out.add(RowResult.of(todoRows.get(i), results.get(i)));
        }
        jobs.record(jobId, out);
        return out.size();
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
