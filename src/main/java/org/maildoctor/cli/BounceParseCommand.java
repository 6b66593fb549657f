package org.maildoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.OptionalLong;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.bounce.batch.BatchListener;
import org.maildoctor.bounce.batch.BatchSummary;
import org.maildoctor.bounce.batch.BounceBatch;
import org.maildoctor.bounce.batch.ClusterDetector;
import org.maildoctor.bounce.batch.Csv;
import org.maildoctor.bounce.batch.ResultRows;
import org.maildoctor.bounce.batch.SummaryMaps;
import org.maildoctor.bounce.batch.SummaryReport;
import org.maildoctor.bounce.batch.SuppressionEntry;
import org.maildoctor.bounce.batch.adapter.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maildoctor bounce parse PATH... [--format jsonl|csv|table] [--summary]}: one row per failed
 * recipient, streamed. Files, directories, maildirs, mboxes (streamed, bounded memory), webhook
 * JSON, Postfix/Exim logs and {@code -} for stdin. Per-file problems go to stderr; the batch goes on.
 */
@Command(name = "parse", description = "Parse bounces: .eml, mbox, maildir, directories, webhook JSON, "
        + "Postfix/Exim logs; - for stdin.")
public final class BounceParseCommand extends BaseCommand {

    /** Where {@code -} reads from; tests replace it. */
    static InputStream stdin = System.in;
    /** Dates the yearless syslog timestamps; tests replace it. */
    static Clock clock = Clock.systemUTC();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories; - reads stdin.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl", description = "jsonl, csv or table (default: ${DEFAULT-VALUE}).")
    BounceCommand.Format format;

    @Option(names = "--verbose", description = "Also print a row for each message that holds no bounce.")
    boolean verbose;

    @Option(names = "--summary", description = "Print a summary instead of the rows: counts by reason, domain and "
            + "provider, hard bounces, bounce rate (with --sent), clusters that signal a block. JSON with --json.")
    boolean summary;

    @Option(names = "--suppression", paramLabel = "FILE", description = "Write the hard-bounced addresses as CSV to FILE.")
    Path suppression;

    @Option(names = "--sent", paramLabel = "N", description = "Messages sent, for the bounce rate against the 2 %% line.")
    Long sent;

    @Option(names = "--cluster-min", paramLabel = "N", defaultValue = "" + ClusterDetector.DEFAULT_MIN_RECIPIENTS,
            description = "Different recipients refused by one domain that make a cluster (default: ${DEFAULT-VALUE}).")
    int clusterMin;

    @Option(names = "--cluster-window", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1h",
            description = "Time window of a cluster (default: ${DEFAULT-VALUE}).")
    Duration clusterWindow;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "Per-message parse time cap; a message over it is reported undecodable (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Override
    protected int run() {
        if (sent != null && sent <= 0) {
            throw CliException.usage("--sent must be a positive number of messages");
        }
        if (clusterMin < 2 || clusterWindow.isZero() || clusterWindow.isNegative() || timeLimit.isZero() || timeLimit.isNegative()) {
            throw CliException.usage("--cluster-min must be at least 2; --cluster-window and --time-limit must be positive");
        }
        Output out = output();
        PrintWriter err = out.err();
        boolean wantSummary = summary || suppression != null || sent != null;
        BatchSummary totals = wantSummary ? new BatchSummary(new ClusterDetector(clusterMin, clusterWindow)) : null;
        if (summary && global.json) {
            Output.prepareJson(); // the summary's mapper, set up while the batch runs
        }
        BounceRowSink sink = new BounceRowSink(out, format);
        BatchListener listener = new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                if (!summary) {
                    sink.row(ResultRows.values(source, message, r));
                }
            }

            @Override
            public void noResult(String source, long message, ParseOutcome o) {
                if (verbose && !summary) {
                    sink.row(ResultRows.noResultValues(source, message, o));
                }
            }

            @Override
            public void warning(String source, String text) {
                sink.beforeWarning();
                err.println("maildoctor: " + source + ": " + text);
            }
        };
        BounceBatch batch = new BounceBatch(BounceParser.standard(), timeLimit, listener, totals, Year.now(clock));
        boolean[] anyUnreadable = {false};
        // walked while read: the first files are parsed while a large tree is still being listed
        Iterable<Sources.Source> sources = Sources.lazily(paths, stdin, (p, why) -> {
            anyUnreadable[0] |= why.startsWith("cannot");
            sink.beforeWarning();
            err.println("maildoctor: " + p + ": " + why);
        });
        // one reader per core: output stays in input order (BounceBatch.readAll replays each file's findings in turn)
        long inputs = batch.readAll(sources, Runtime.getRuntime().availableProcessors(), (s, e) -> {
            anyUnreadable[0] = true;
            sink.beforeWarning();
            err.println("maildoctor: " + s.name() + ": cannot read: " + Sources.describe(e));
        });
        sink.finish();
        if (totals != null) {
            report(totals.report(sent == null ? OptionalLong.empty() : OptionalLong.of(sent)), out);
        }
        err.flush();
        out.out().flush();
        if (batch.decoded() == 0) {
            throw CliException.usage(inputs == 0 && !anyUnreadable[0] ? "no input files found" : "no input could be read");
        }
        return ExitCode.OK;
    }

    private void report(SummaryReport report, Output out) {
        if (suppression != null) {
            writeSuppression(report);
        }
        if (summary) {
            if (global.json) {
                out.json(SummaryMaps.toMap(report));
            } else {
                BounceSummaryText.print(report, out.out());
            }
        }
    }

    private void writeSuppression(SummaryReport report) {
        StringBuilder sb = new StringBuilder(Csv.line(SuppressionEntry.CSV_COLUMNS)).append('\n');
        for (SuppressionEntry e : report.suppression()) {
            sb.append(Csv.line(e.cells())).append('\n');
        }
        try {
            Files.writeString(suppression, sb);
        } catch (IOException e) {
            throw CliException.runtime("cannot write " + suppression + ": " + Sources.describe(e), e);
        }
    }
}
