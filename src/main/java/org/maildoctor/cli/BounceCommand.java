package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.ReplyCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor bounce ...}: bounce parsing. The parser is pure; reading files is done here. */
@Command(name = "bounce", description = "Parse bounces, feedback reports and auto-replies.",
        subcommands = BounceCommand.Parse.class)
public final class BounceCommand implements Runnable {

    /** Accepted here too, so global options may come before the subcommand ("bounce --json parse"). */
    @picocli.CommandLine.Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: parse");
    }

    public enum Format { jsonl, csv, table }

    /**
     * {@code maildoctor bounce parse PATH... [--format jsonl|csv|table]}: one line per result. Files
     * and directories (walked recursively, in name order); mbox files are split into messages; {@code -}
     * reads stdin. Per-file problems go to stderr and the batch goes on.
     */
    @Command(name = "parse", description = "Parse bounce messages (.eml, mbox, directories; - for stdin).")
    public static final class Parse extends BaseCommand {

        /** Files larger than this are read only up to it (see BounceParser.MAX_BYTES per message). */
        static final long MAX_FILE = 256L * 1024 * 1024;

        static final List<String> COLUMNS = List.of("file", "recipient", "originalRecipient", "status", "replyCode",
                "reason", "hard", "action", "diagnostic", "command", "reportingMta", "remoteMta", "lastAttemptDate",
                "messageId", "from", "to", "subject", "feedbackType", "dialect");

        /** Where {@code -} reads from; tests replace it. */
        static InputStream stdin = System.in;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories; - reads stdin.")
        List<String> paths;

        @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or table (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--verbose", description = "Also report files that hold no bounce.")
        boolean verbose;

        @Override
        protected int run() {
            Output out = output();
            PrintWriter err = out.err();
            int read = 0;
            int unreadable = 0;
            Sink sink = new Sink(out, format);
            for (String p : paths) {
                for (Input in : inputs(p, err)) {
                    if (in.bytes == null) {
                        unreadable++;
                        continue;
                    }
                    read++;
                    for (ParseOutcome o : BounceParser.standard().parseAll(in.bytes)) {
                        switch (o) {
                            case ParseOutcome.Bounces b -> {
                                b.warnings().forEach(w -> err.println("maildoctor: " + in.name + ": " + w));
                                b.results().forEach(r -> sink.row(row(in.name, r)));
                            }
                            case ParseOutcome.NotABounce n -> {
                                if (verbose) {
                                    err.println("maildoctor: " + in.name + ": not a bounce (" + n.reason() + ")");
                                }
                            }
                            case ParseOutcome.Undecodable u -> err.println("maildoctor: " + in.name + ": undecodable (" + u.reason() + ")");
                        }
                    }
                }
            }
            sink.finish();
            err.flush();
            if (read == 0) {
                throw CliException.usage(unreadable == 0 ? "no input files found" : "no input could be read");
            }
            return ExitCode.OK;
        }

        private record Input(String name, byte[] bytes) {
        }

        private static List<Input> inputs(String p, PrintWriter err) {
            if (p.equals("-")) {
                try {
                    return List.of(new Input("-", stdin.readNBytes((int) Math.min(MAX_FILE, Integer.MAX_VALUE - 8))));
                } catch (IOException e) {
                    err.println("maildoctor: -: cannot read stdin: " + e.getMessage());
                    return List.of(new Input("-", null));
                }
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    return s.filter(Files::isRegularFile).sorted().map(f -> read(f, err)).toList();
                } catch (IOException | RuntimeException e) {
                    err.println("maildoctor: " + p + ": cannot list directory: " + e.getMessage());
                    return List.of(new Input(p, null));
                }
            }
            return List.of(read(path, err));
        }

        private static Input read(Path f, PrintWriter err) {
            try (InputStream in = Files.newInputStream(f)) {
                byte[] b = in.readNBytes((int) Math.min(MAX_FILE, Integer.MAX_VALUE - 8));
                if (in.read() >= 0) {
                    err.println("maildoctor: " + f + ": larger than " + MAX_FILE + " bytes; only the start was read");
                }
                return new Input(f.toString(), b);
            } catch (IOException | RuntimeException e) {
                err.println("maildoctor: " + f + ": cannot read: " + e.getMessage());
                return new Input(f.toString(), null);
            }
        }

        /** The stable row; field names are part of the CLI contract (docs/cli-bounce.md). */
        static Map<String, Object> row(String file, BounceResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("recipient", r.recipient());
            m.put("originalRecipient", r.originalRecipient());
            m.put("status", r.status().map(EnhancedStatus::toString).orElse(null));
            m.put("replyCode", r.replyCode().map(ReplyCode::value).orElse(null));
            m.put("reason", r.reason().code());
            m.put("hard", r.hard());
            m.put("action", r.action());
            m.put("diagnostic", r.diagnostic());
            m.put("command", r.command());
            m.put("reportingMta", r.reportingMta());
            m.put("remoteMta", r.remoteMta());
            m.put("lastAttemptDate", r.lastAttemptDate());
            m.put("messageId", r.returned().messageId());
            m.put("from", r.returned().from());
            m.put("to", r.returned().to());
            m.put("subject", r.returned().subject());
            m.put("feedbackType", r.feedbackType());
            m.put("dialect", r.dialect());
            return m;
        }
    }

    /** Writes rows as they come (jsonl, csv) or at the end (table, which needs column widths). */
    static final class Sink {
        private static final ObjectWriter LINE = Output.JSON.writer().without(SerializationFeature.INDENT_OUTPUT);
        private static final List<String> TABLE = List.of("file", "recipient", "status", "replyCode", "reason", "hard", "dialect");
        private final Output out;
        private final Format format;
        private final List<Map<String, Object>> buffered = new ArrayList<>();
        private boolean header;

        Sink(Output out, Format format) {
            this.out = out;
            this.format = format;
        }

        void row(Map<String, Object> row) {
            switch (format) {
                case jsonl -> {
                    try {
                        out.out().println(LINE.writeValueAsString(row));
                    } catch (JsonProcessingException e) {
                        throw CliException.runtime("could not write JSON: " + e.getOriginalMessage(), e);
                    }
                }
                case csv -> {
                    if (!header) {
                        out.out().println(String.join(",", Parse.COLUMNS));
                        header = true;
                    }
                    List<String> cells = new ArrayList<>();
                    for (String c : Parse.COLUMNS) {
                        cells.add(csv(row.get(c)));
                    }
                    out.out().println(String.join(",", cells));
                }
                case table -> buffered.add(row);
            }
        }

        void finish() {
            if (format == Format.table) {
                int[] w = new int[TABLE.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = TABLE.get(i).length();
                    for (Map<String, Object> r : buffered) {
                        w[i] = Math.max(w[i], cell(r.get(TABLE.get(i))).length());
                    }
                }
                out.out().println(line(TABLE.stream().map(s -> (Object) s).toList(), w));
                for (Map<String, Object> r : buffered) {
                    out.out().println(line(TABLE.stream().map(r::get).toList(), w));
                }
            }
            out.out().flush();
        }

        private static String line(List<Object> cells, int[] w) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cell(cells.get(i))));
                if (i + 1 < cells.size()) {
                    sb.append("  ");
                }
            }
            return sb.toString().stripTrailing();
        }

        private static String cell(Object v) {
            return v == null ? "-" : v.toString();
        }

        /** RFC 4180: quote when needed, double the quotes. */
        static String csv(Object v) {
            if (v == null) {
                return "";
            }
            String s = v.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                return "\"" + s.replace("\"", "\"\"") + "\"";
            }
            return s;
        }
    }
}
