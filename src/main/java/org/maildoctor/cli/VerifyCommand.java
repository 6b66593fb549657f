package org.maildoctor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.report.VerificationJson;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;
import org.maildoctor.verify.RateLimits;
import org.maildoctor.verify.Verdict;
import org.maildoctor.verify.Verification;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.VerifyOptions;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;
import org.maildoctor.verify.bulk.BulkInputException;
import org.maildoctor.verify.bulk.BulkJobRunner;
import org.maildoctor.verify.bulk.BulkSummary;
import org.maildoctor.verify.jdbc.JdbcHostSlots;
import org.maildoctor.verify.jdbc.JdbcVerificationJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maildoctor verify ADDRESS…} and {@code maildoctor verify --input list.csv --output out.csv}.
 * JSON schema and verdict rules: docs/cli-verify.md.
 */
@Command(name = "verify", description = "Check whether mail to addresses would be accepted (deliverable / undeliverable / risky / unknown).")
public final class VerifyCommand extends BaseCommand {
    private static final ObjectMapper JSON_LINES = Output.json().copy().disable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "Addresses to verify.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE", description = "CSV file of addresses (bulk job; resumable).")
    Path input;

    @Option(names = "--column", paramLabel = "NAME", description = "CSV column with the addresses (default: email, else the only column).")
    String column;

    @Option(names = "--output", paramLabel = "FILE", description = "Where the bulk results go (CSV); default: INPUT with .verified.csv.")
    Path outputFile;

    @Option(names = "--transcript", description = "Include the SMTP conversation for each address.")
    boolean transcript;

    @Option(names = "--helo", paramLabel = "NAME", defaultValue = "localhost.localdomain",
            description = "Name to send in EHLO; use a name your IP's reverse DNS gives (default: ${DEFAULT-VALUE}).")
    String helo;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "",
            description = "Envelope sender of the probe (default: the null sender <>).")
    String mailFrom;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
            description = "SMTP port of the mail hosts (default: ${DEFAULT-VALUE}; other values are for test servers).")
    int smtpPort;

    @Option(names = "--greylist-budget", paramLabel = "DURATION", converter = BudgetConverter.class, defaultValue = "60s",
            description = "How long to keep retrying addresses answered with 4xx (greylisting), with backoff (default: ${DEFAULT-VALUE}; 0 = no retry).")
    Duration greylistBudget;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "4",
            description = "SMTP sessions at once per mail host (default: ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "SMTP sessions at once overall (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate-per-domain", paramLabel = "N", defaultValue = "20",
            description = "RCPTs per second per recipient domain (default: ${DEFAULT-VALUE}; 0 = no limit).")
    double ratePerDomain;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "2000",
            description = "RCPTs per second overall (default: ${DEFAULT-VALUE}; 0 = no limit).")
    double rate;

    @Option(names = "--no-progress", description = "No progress line on stderr in bulk mode.")
    boolean noProgress;

    @Option(names = "--retry-interrupted", description = "Bulk resume: probe again the addresses whose RCPT was in"
            + " flight when the last run died (they may then be probed twice); default: unknown/interrupted.")
    boolean retryInterrupted;

    /** Like {@link DurationConverter}, but 0 is a valid budget (no greylisting retry). */
    static final class BudgetConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value != null && value.strip().matches("0+\\s*(ms|s|m|h|d)?") ? Duration.ZERO
                    : DurationConverter.parse(value);
        }
    }

    @Override
    protected int run() {
        if (input == null && addresses.isEmpty()) {
            throw CliException.usage("give one or more addresses, or --input FILE");
        }
        if (input != null && !addresses.isEmpty()) {
            throw CliException.usage("give addresses or --input, not both");
        }
        if (perHost < 1 || concurrency < 1) {
            throw CliException.usage("--per-host and --concurrency must be at least 1");
        }
        if (input != null) {
            return bulk();
        }
        return single(Verifier.create(Wiring.resolver(global), new SmtpProbeClient(probeConfig(global.timeout)),
                options()));
    }

    SmtpProbeConfig probeConfig(Duration timeout) {
        if (smtpPort < 1 || smtpPort > 65535) {
            throw CliException.usage("--smtp-port must be 1-65535");
        }
        return new SmtpProbeConfig(smtpPort, helo, mailFrom, timeout, timeout, true);
    }

    VerifyOptions options() {
        if (greylistBudget.isNegative()) {
            throw CliException.usage("--greylist-budget must not be negative");
        }
        Duration first = greylistBudget.compareTo(Duration.ofSeconds(10)) < 0 ? greylistBudget.dividedBy(3)
                : Duration.ofSeconds(5);
        return VerifyOptions.defaults()
                .withAllowPrivate(global.allowPrivate)
                .withGreylistDelays(first.isZero() ? List.of() : VerifyOptions.backoff(first, greylistBudget))
                .withConcurrency(perHost, concurrency)
                .withRateLimits(rateLimits())
                .withTranscript(transcript);
    }

    private RateLimits rateLimits() {
        try {
            return new RateLimits(ratePerDomain, rate);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--rate-per-domain and --rate must be 0 (no limit) or more");
        }
    }

    private int single(Verifier verifier) {
        List<Verification> results = verifier.verifyAll(addresses);
        Output out = output();
        if (global.json && results.size() == 1) {
            out.json(VerificationJson.toMap(results.getFirst()));
        } else if (global.json) {
            for (Verification v : results) {
                try {
                    out.line(JSON_LINES.writeValueAsString(VerificationJson.toMap(v)));
                } catch (JsonProcessingException e) {
                    throw CliException.runtime("could not write JSON: " + e.getOriginalMessage(), e);
                }
            }
        } else {
            results.forEach(v -> print(out, v));
        }
        return exitCode(results.stream().map(Verification::verdict).toList());
    }

    /** 0 all deliverable; 1 some undeliverable or risky; 3 otherwise some could not be decided. */
    static int exitCode(List<Verdict> verdicts) {
        if (verdicts.stream().anyMatch(v -> v == Verdict.UNDELIVERABLE || v == Verdict.RISKY)) {
            return ExitCode.PROBLEMS;
        }
        return verdicts.contains(Verdict.UNKNOWN) ? ExitCode.RUNTIME : ExitCode.OK;
    }

    private void print(Output out, Verification v) {
        out.line(v.address() + ": " + v.verdict().code().toUpperCase(Locale.ROOT) + " (" + v.reason().code() + ") - "
                + v.reason().summary());
        v.subReason().ifPresent(s -> out.line("  detail:     " + s));
        v.mx().ifPresent(m -> out.line("  mx:         " + m));
        v.smtp().ifPresent(r -> out.line("  reply:      " + r.toString()));
        if (!v.flags().isEmpty()) {
            out.line("  flags:      " + String.join(", ", v.flags().stream().map(f -> f.code()).toList()));
        }
        v.suggestion().ifPresent(s -> out.line("  did you mean " + s + "?"));
        if (!v.transcript().isEmpty()) {
            out.line("  transcript:");
            v.transcript().forEach(t -> out.line("    " + t));
        }
    }

    private int bulk() {
        Path out = outputFile != null ? outputFile : defaultOutput(input);
        VerifyOptions options = options();
        SmtpProbeClient transport = new SmtpProbeClient(probeConfig(global.timeout));
        try (Store store = Store.open(StoreConfig.of(global.dataDirOrDefault(), global.db))) {
            JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), store.clock());
            BulkJobRunner runner;
            if (store.describe().startsWith("PostgreSQL")) {
                // several nodes may run this same command on one job: claims and per-MX slots are
                // shared through the database; a claim older than the lease belongs to a dead node
                String node = ProcessHandle.current().pid() + "@" + hostName();
                Verifier verifier = Verifier.create(Wiring.resolver(global), transport, options,
                        new JdbcHostSlots(store.dataSource(), store.clock(), node, options.perHostConcurrency(),
                                CLUSTER_SLOT_TTL));
                runner = new BulkJobRunner(verifier, jobs, store.clock(), node, CLUSTER_CLAIM_LEASE, retryInterrupted);
            } else {
                runner = new BulkJobRunner(Verifier.create(Wiring.resolver(global), transport, options), jobs,
                        store.clock(), "local", Duration.ZERO, retryInterrupted);
            }
            BulkSummary summary = runner.run(input, column, out, noProgress ? null : output().err());
            Output o = output();
            if (global.json) {
                o.json(summary.toMap());
            } else {
                summary.lines().forEach(o::line);
            }
            return ExitCode.OK;
        } catch (BulkInputException e) {
            throw CliException.usage(e.getMessage());
        } catch (StoreException e) {
            throw CliException.runtime(e.getMessage(), e);
        }
    }

    /** Longer than any probe session (greylisting budget included), so only a dead node's claims expire. */
    static final Duration CLUSTER_CLAIM_LEASE = Duration.ofMinutes(10);
    static final Duration CLUSTER_SLOT_TTL = Duration.ofMinutes(10);

    /** For claims' diagnostics only; no name lookup (it could hang on DNS). */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? "node" : h;
    }

    static Path defaultOutput(Path in) {
        String name = in.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return in.resolveSibling(base + ".verified.csv");
    }
}
