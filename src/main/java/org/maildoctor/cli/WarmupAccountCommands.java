package org.maildoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.report.WarmupJson;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.account.AccountParameters;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AccountService;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.adapter.ConnectionTester;
import org.maildoctor.warmup.adapter.MasterKey;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;
import org.maildoctor.warmup.tracking.StatsRepository;
import org.maildoctor.web.WarmupModule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor warmup add|list|remove}: the mailboxes taking part in warm-up. */
final class WarmupAccountCommands {
    private WarmupAccountCommands() {
    }

    static AccountRepository repository(Store store) {
        return new JdbcAccountRepository(store.dataSource(), store.clock());
    }

    static CredentialCipher cipher(GlobalOptions global) {
        try {
            SecureRandom random = new SecureRandom();
            return new CredentialCipher(MasterKey.load(System.getenv(MasterKey.ENV), global.dataDirOrDefault(), random),
                    random);
        } catch (IllegalStateException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    static StatsRepository stats(Store store) {
        return new JdbcStatsRepository(store.dataSource());
    }

    /** What {@code serve}'s warm-up pages need: accounts (with the master key and connection test) and stats. */
    static WarmupModule.Backend backend(Store store, GlobalOptions global) {
        return new WarmupModule.Backend(service(store, global), stats(store));
    }

    /** The master key is loaded (or created) here, so only commands that handle a secret touch it. */
    static AccountService service(Store store, GlobalOptions global) {
        ConnectionTester tester = new ConnectionTester(Wiring.resolver(global), global.allowPrivate, global.timeout);
        return new AccountService(repository(store), cipher(global), tester::test, store.clock());
    }

    static Map<String, Object> toMap(ConnectionReport r) {
        return WarmupJson.connection(r);
    }

    static void print(Output out, ConnectionReport r) {
        out.line(r.address() + ": " + (r.ok() ? "connection test passed" : "connection test FAILED"));
        for (ConnectionReport.ServerCheck c : List.of(r.smtp(), r.imap())) {
            String passed = String.join(", ", c.passed().stream().map(ConnectionStep::code).toList());
            out.line(String.format(Locale.ROOT, "  %-4s %-40s passed: %s", c.protocol().toUpperCase(Locale.ROOT),
                    c.endpoint(), passed.isEmpty() ? "-" : passed));
            c.failure().ifPresent(f -> out.line("       FAILED at " + f.step().code() + ": " + f.reason()));
            if (!c.folders().isEmpty()) {
                out.line("       folders: " + String.join(", ", c.folders()));
            }
        }
    }

    static Map<String, Object> toMap(WarmupAccount a) {
        return WarmupJson.account(a);
    }

    @Command(name = "add", description = {
        "Add a mailbox to warm up. Servers come from the provider's preset unless --smtp/--imap are given.",
        "The password (or app password, or OAuth2 access token with --auth xoauth2) is read from --password-file,",
        "--password-env or a prompt, never from the command line, and stored encrypted (AES-256-GCM) with the",
        "master key from MAILDOCTOR_MASTER_KEY or DATA_DIR/master.key (created 0600 on first use)."})
    static final class Add extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The mailbox's email address.")
        String address;

        @Option(names = "--provider", defaultValue = "custom", paramLabel = "NAME",
                description = "gmail, google-workspace, microsoft-365, outlook, yahoo, zoho, icloud, fastmail, custom.")
        String provider;

        @Option(names = "--smtp", paramLabel = "HOST[:PORT]", description = "Submission server (required for custom).")
        String smtp;

        @Option(names = "--smtp-tls", paramLabel = "MODE", description = "tls, starttls or none (default: tls on 465, else starttls).")
        String smtpTls;

        @Option(names = "--imap", paramLabel = "HOST[:PORT]", description = "IMAP server (required for custom).")
        String imap;

        @Option(names = "--imap-tls", paramLabel = "MODE", description = "tls, starttls or none (default tls).")
        String imapTls;

        @Option(names = "--username", description = "Login name (default: the address).")
        String username;

        @Option(names = "--auth", defaultValue = "password", description = "password or xoauth2 (default ${DEFAULT-VALUE}).")
        String auth;

        @ArgGroup(exclusive = true)
        SecretSource secret;

        @Option(names = "--no-test", description = "Store without testing the connection first.")
        boolean noTest;

        static final class SecretSource {
            @Option(names = "--password-file", paramLabel = "FILE", description = "Read the secret from this file (first line).")
            Path file;

            @Option(names = "--password-env", paramLabel = "VAR", description = "Read the secret from this environment variable.")
            String env;
        }

        @Override
        protected int run(Store store) {
            AccountRepository.NewAccount account;
            try {
                Map<String, String> values = new HashMap<>();
                values.put("address", address);
                values.put("provider", provider);
                values.put("smtp", smtp);
                values.put("smtpTls", smtpTls);
                values.put("imap", imap);
                values.put("imapTls", imapTls);
                values.put("username", username);
                values.put("auth", auth);
                account = AccountParameters.parse(values::get);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Secret plain = readSecret();
            AccountService.Added outcome;
            try {
                outcome = service(store, global).add(account, plain, !noTest);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            if (outcome.account() == null) {
                if (global.json) {
                    output().json(WarmupAccountCommands.toMap(outcome.report()));
                } else {
                    print(output(), outcome.report());
                    output().line("not added; fix the settings, or add anyway with --no-test");
                }
                return ExitCode.PROBLEMS;
            }
            WarmupAccount added = outcome.account();
            if (global.json) {
                output().json(toMap(added));
            } else {
                output().line("added " + added.address() + " (" + added.provider().label() + "): SMTP " + added.smtp()
                        + ", IMAP " + added.imap() + "; credentials stored encrypted"
                        + (noTest ? "; connection not tested" : "; connection test passed"));
            }
            return ExitCode.OK;
        }

        private Secret readSecret() {
            return WarmupAccountCommands.readSecret(secret, address);
        }
    }

    /** The secret from --password-file, --password-env or a console prompt; never from the command line. */
    static Secret readSecret(Add.SecretSource secret, String address) {
        char[] value;
        if (secret != null && secret.file != null) {
            try {
                String text = Files.readString(secret.file, StandardCharsets.UTF_8);
                value = text.lines().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw CliException.usage("cannot read --password-file " + secret.file + ": " + e.getMessage());
            }
        } else if (secret != null && secret.env != null) {
            String v = System.getenv(secret.env);
            if (v == null) {
                throw CliException.usage("environment variable " + secret.env + " is not set");
            }
            value = v.toCharArray();
        } else if (System.console() != null) {
            value = System.console().readPassword("Password for %s: ", address);
        } else {
            throw CliException.usage("give the password with --password-file FILE or --password-env VAR");
        }
        if (value == null || value.length == 0) {
            throw CliException.usage("the password is empty");
        }
        return new Secret(value);
    }

    @Command(name = "list", description = "The warm-up mailboxes and their servers (never their credentials).")
    static final class ListAccounts extends StoreBackedCommand {
        @Override
        protected int run(Store store) {
            List<WarmupAccount> all = repository(store).list();
            if (global.json) {
                List<Map<String, Object>> out = new ArrayList<>();
                all.forEach(a -> out.add(toMap(a)));
                output().json(Map.of("accounts", out));
                return ExitCode.OK;
            }
            if (all.isEmpty()) {
                output().line("no warm-up accounts; add one with: maildoctor warmup add ADDRESS --provider NAME");
            }
            for (WarmupAccount a : all) {
                output().line(String.format(Locale.ROOT, "%-32s %-16s smtp %-32s imap %s", a.address(),
                        a.provider().key(), a.smtp(), a.imap()));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "test", description = {
        "Test a warm-up mailbox's SMTP and IMAP servers step by step (DNS, TCP, TLS, auth, IMAP folder listing)",
        "and name the step that failed. Exit 0 passed, 1 a step failed."})
    static final class Test extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            ConnectionReport report;
            try {
                report = service(store, global).test(address)
                        .orElseThrow(() -> CliException.usage("no warm-up account " + address));
            } catch (CredentialException e) {
                throw CliException.runtime(e.getMessage());
            }
            if (global.json) {
                output().json(WarmupAccountCommands.toMap(report));
            } else {
                print(output(), report);
            }
            return report.ok() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    @Command(name = "remove", description = "Remove a warm-up mailbox and its stored credentials.")
    static final class Remove extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!repository(store).remove(address)) {
                throw CliException.usage("no warm-up account " + address);
            }
            output().line("removed " + address);
            return ExitCode.OK;
        }
    }
}
