package org.maildoctor.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.placement.PlacementReport;
import org.maildoctor.placement.PlacementToken;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedProbe;
import org.maildoctor.placement.SeedRepository;
import org.maildoctor.placement.SeedResult;
import org.maildoctor.placement.adapter.PlacementTests;
import org.maildoctor.placement.adapter.SmtpSubmission;
import org.maildoctor.placement.jdbc.JdbcSeedRepository;
import org.maildoctor.report.PlacementJson;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AccountParameters;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.ServerPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maildoctor placement seeds add|list|remove} and {@code placement run}: inbox placement across seed mailboxes. */
@Command(name = "placement", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inbox placement: where seed mailboxes at each provider file your message (Inbox, Spam, a tab, missing).",
        subcommands = {PlacementCommand.Seeds.class, PlacementCommand.Run.class})
final class PlacementCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: seeds or run");
    }

    static PlacementTests tests(GlobalOptions global, Store store) {
        return new PlacementTests(repository(store), WarmupAccountCommands.cipher(global), Wiring.resolver(global),
                global.allowPrivate, global.timeout, Clock.systemUTC());
    }

    /** One of file or variable (picocli's exclusive group cannot be shared between command classes). */
    static WarmupAccountCommands.Add.SecretSource source(Path file, String env) {
        if (file != null && env != null) {
            throw CliException.usage("give the password by file or by environment variable, not both");
        }
        WarmupAccountCommands.Add.SecretSource s = new WarmupAccountCommands.Add.SecretSource();
        s.file = file;
        s.env = env;
        return s;
    }

    static SeedRepository repository(Store store) {
        return new JdbcSeedRepository(store.dataSource(), store.clock());
    }

    @Command(name = "seeds", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The seed mailboxes: add, list, remove.",
            subcommands = {Add.class, ListSeeds.class, Remove.class})
    static final class Seeds implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
        }
    }

    @Command(name = "add", description = {
        "Add a seed mailbox. IMAP comes from the provider's preset unless --imap is given.",
        "The app password is read from --password-file, --password-env or a prompt and stored encrypted",
        "(AES-256-GCM, the warm-up accounts' master key). The login is tested first unless --no-test."})
    static final class Add extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The seed's email address (where the test is sent).")
        String address;

        @Option(names = "--provider", defaultValue = "custom", paramLabel = "NAME",
                description = "gmail, google-workspace, microsoft-365, outlook, yahoo, zoho, icloud, fastmail, custom.")
        String provider;

        @Option(names = "--imap", paramLabel = "HOST[:PORT]", description = "IMAP server (required for custom).")
        String imap;

        @Option(names = "--imap-tls", paramLabel = "MODE", description = "tls, starttls or none (default tls).")
        String imapTls;

        @Option(names = "--username", description = "Login name (default: the address).")
        String username;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the app password from this file (first line).")
        Path passwordFile;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Read the app password from this environment variable.")
        String passwordEnv;

        @Option(names = "--no-test", description = "Store without logging in first.")
        boolean noTest;

        @Override
        protected int run(Store store) {
            SeedRepository.NewSeed seed;
            try {
                MailboxProvider p = MailboxProvider.parse(provider);
                Endpoint i = imap != null ? AccountParameters.endpoint(imap, 993, imapTls, false)
                        : ServerPresets.of(p).map(ServerPresets.Preset::imap).orElseThrow(() ->
                                new IllegalArgumentException("--imap is required for a custom server"));
                if (!address.contains("@") || address.startsWith("@") || address.endsWith("@")) {
                    throw new IllegalArgumentException("not an email address: '" + address + "'");
                }
                String a = JdbcSeedRepository.normalise(address);
                seed = new SeedRepository.NewSeed(a, p, i, username == null ? a : username);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Secret plain = WarmupAccountCommands.readSecret(source(passwordFile, passwordEnv), address);
            PlacementTests tests = tests(global, store);
            if (!noTest) {
                Seed candidate = new Seed(0, seed.address(), seed.provider(), seed.imap(), seed.username(),
                        store.clock().instant());
                // a look for a token nobody sent: logging in and listing every folder is the test
                SeedProbe.Result r = new org.maildoctor.placement.adapter.ImapSeedProbe(
                        new org.maildoctor.warmup.adapter.MailConnector(Wiring.resolver(global), global.allowPrivate,
                                global.timeout), s -> new Secret(plain.reveal())).look(candidate, "mdp-connectiontest");
                if (r instanceof SeedProbe.Failed f) {
                    plain.wipe();
                    if (global.json) {
                        output().json(Map.of("address", seed.address(), "ok", false, "failedStep", f.step().code(),
                                "reason", f.reason()));
                    } else {
                        output().line(seed.address() + ": IMAP " + seed.imap() + " FAILED at " + f.step().code()
                                + ": " + f.reason());
                        output().line("not added; fix the settings, or add anyway with --no-test");
                    }
                    return ExitCode.PROBLEMS;
                }
            }
            String sealed = WarmupAccountCommands.cipher(global).seal(plain, seed.address());
            plain.wipe();
            Seed added;
            try {
                added = tests.seeds().add(seed, sealed);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            if (global.json) {
                output().json(PlacementJson.seed(added));
            } else {
                output().line("added seed " + added.address() + " (" + added.provider().label() + "): IMAP "
                        + added.imap() + "; credentials stored encrypted"
                        + (noTest ? "; login not tested" : "; login and folder listing passed"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "The seed mailboxes and their IMAP servers (never their credentials).")
    static final class ListSeeds extends StoreBackedCommand {
        @Override
        protected int run(Store store) {
            List<Seed> all = repository(store).list();
            if (global.json) {
                output().json(Map.of("seeds", all.stream().map(PlacementJson::seed).toList()));
                return ExitCode.OK;
            }
            if (all.isEmpty()) {
                output().line("no seeds; add one with: maildoctor placement seeds add ADDRESS --provider NAME");
            }
            for (Seed s : all) {
                output().line(String.format(Locale.ROOT, "%-36s %-16s imap %s", s.address(), s.provider().key(), s.imap()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove a seed mailbox and its stored credentials.")
    static final class Remove extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!repository(store).remove(address)) {
                throw CliException.usage("no seed " + address);
            }
            output().line("removed seed " + address);
            return ExitCode.OK;
        }
    }

    @Command(name = "run", description = {
        "Run a placement test. With --send-via the message (FILE.eml, sent unchanged but for an",
        "X-Maildoctor-Placement header) goes to every seed through that submission server; without it, send",
        "the message yourself to the seeds printed, with the token in the Subject. The seeds' folders are",
        "searched over IMAP until every seed is found or the deadline passes; the report is per seed and per",
        "provider. Exit 0 when every seed got it in the inbox (or a category tab), 1 otherwise."})
    static final class Run extends StoreBackedCommand {
        @Option(names = "--message", paramLabel = "FILE.eml", description = "The message to send (with --send-via).")
        Path message;

        @Option(names = "--send-via", paramLabel = "HOST[:PORT]", description = "Submission server (port default 587).")
        String sendVia;

        @Option(names = "--send-tls", paramLabel = "MODE", description = "tls, starttls or none (default: tls on 465, else starttls).")
        String sendTls;

        @Option(names = "--send-user", paramLabel = "NAME", description = "Submission login (none: send without AUTH).")
        String sendUser;

        @Option(names = "--send-password-file", paramLabel = "FILE", description = "Submission password from this file.")
        Path sendPasswordFile;

        @Option(names = "--send-password-env", paramLabel = "VAR", description = "Submission password from this variable.")
        String sendPasswordEnv;

        @Option(names = "--mail-from", paramLabel = "ADDR", description = "Envelope sender (default: the message's From).")
        String mailFrom;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Poll for an earlier test's token instead of a new one.")
        String token;

        @Option(names = "--seed", paramLabel = "ADDRESS", description = "Only these seeds (repeatable; default all).")
        List<String> only = new ArrayList<>();

        @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
                description = "How long to wait for the message (default ${DEFAULT-VALUE}).")
        Duration deadline;

        @Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5s",
                description = "Time between looks into each seed (default ${DEFAULT-VALUE}).")
        Duration poll;

        @Override
        protected int run(Store store) throws Exception {
            PlacementTests tests = tests(global, store);
            List<Seed> seeds = chosenSeeds(tests.seeds());
            String t;
            try {
                t = token == null ? PlacementToken.generate(new SecureRandom()) : PlacementToken.parse(token);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Map<String, String> refused = Map.of();
            if (sendVia != null) {
                if (message == null) {
                    throw CliException.usage("--send-via needs --message FILE.eml");
                }
                byte[] bytes = DkimCommand.read(message);
                SmtpSubmission.Settings settings;
                try {
                    settings = new SmtpSubmission.Settings(AccountParameters.endpoint(sendVia, 587, sendTls, true),
                            Optional.ofNullable(sendUser),
                            sendUser == null ? Optional.empty()
                                    : Optional.of(WarmupAccountCommands.readSecret(source(sendPasswordFile, sendPasswordEnv), sendUser)),
                            Optional.ofNullable(mailFrom));
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
                try {
                    refused = tests.send(settings, bytes, t, seeds);
                } catch (SmtpSubmission.SubmissionFailed e) {
                    throw CliException.runtime("could not send the test message: " + e.getMessage());
                } finally {
                    settings.password().ifPresent(Secret::wipe);
                }
                output().err().println("sent to " + (seeds.size() - refused.size()) + " of " + seeds.size()
                        + " seeds; token " + t + "; waiting up to " + deadline.toSeconds() + " s");
            } else {
                if (message != null) {
                    throw CliException.usage("--message needs --send-via (or send the message yourself, without --message)");
                }
                output().err().println("send your message with \"" + t + "\" in the Subject to: "
                        + String.join(", ", seeds.stream().map(Seed::address).toList()));
                output().err().println("waiting up to " + deadline.toSeconds() + " s" + " …");
            }
            PlacementReport report = tests.poll(t, seeds, refused, deadline, poll, partial -> { });
            if (global.json) {
                output().json(PlacementJson.toMap(report));
            } else {
                print(output(), report);
            }
            return report.total().inbox() + report.total().category() == seeds.size() ? ExitCode.OK : ExitCode.PROBLEMS;
        }

        private List<Seed> chosenSeeds(SeedRepository repo) {
            List<Seed> all = repo.list();
            if (all.isEmpty()) {
                throw CliException.usage("no seeds; add some with: maildoctor placement seeds add ADDRESS --provider NAME");
            }
            if (only.isEmpty()) {
                return all;
            }
            List<Seed> chosen = new ArrayList<>();
            for (String a : only) {
                chosen.add(repo.find(a).orElseThrow(() -> CliException.usage("no seed " + a)));
            }
            return chosen;
        }
    }

    static void print(Output out, PlacementReport r) {
        out.line("placement test " + r.token() + (r.finished() ? "" : " (running)"));
        for (SeedResult s : r.seeds()) {
            String where = switch (PlacementJson.status(r, s)) {
                case "error" -> "ERROR   " + s.error().orElse("");
                case "missing" -> "MISSING not found by the deadline";
                case "waiting" -> "waiting";
                default -> String.format(Locale.ROOT, "%-8s %s (after %.0f s)", PlacementJson.status(r, s).toUpperCase(Locale.ROOT),
                        s.folder().orElse(""), s.after().map(d -> d.toMillis() / 1000.0).orElse(0.0));
            };
            out.line(String.format(Locale.ROOT, "  %-36s %-16s %s", s.address(), s.provider().key(), where));
        }
        out.line("per provider:");
        r.byProvider().forEach((p, t) -> out.line(String.format(Locale.ROOT,
                "  %-18s inbox %d, spam %d, tab %d, other %d, missing %d, error %d — inbox rate %.0f %%", p.label(),
                t.inbox(), t.spam(), t.category(), t.other(), t.missing(), t.error(), t.inboxRate() * 100)));
    }
}
