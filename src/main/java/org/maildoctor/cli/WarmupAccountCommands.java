package org.maildoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.ServerPresets;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.adapter.ConnectionTester;
import org.maildoctor.warmup.adapter.MasterKey;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
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

    static ConnectionReport connectionTest(GlobalOptions global, WarmupAccount account, Secret secret) {
        return new ConnectionTester(Wiring.resolver(global), global.allowPrivate, global.timeout).test(account, secret);
    }

    static Map<String, Object> toMap(ConnectionReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("ok", r.ok());
        for (ConnectionReport.ServerCheck c : List.of(r.smtp(), r.imap())) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", c.endpoint().host() + ":" + c.endpoint().port());
            server.put("tls", c.endpoint().tls().key());
            server.put("passed", c.passed().stream().map(ConnectionStep::code).toList());
            server.put("failedStep", c.failure().map(f -> f.step().code()).orElse(null));
            server.put("reason", c.failure().map(ConnectionReport.Failure::reason).orElse(null));
            if (c.protocol().equals("imap")) {
                server.put("folders", c.folders());
            }
            m.put(c.protocol(), server);
        }
        return m;
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
        // deliberately no secret, not even its sealed form
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", a.address());
        m.put("provider", a.provider().key());
        m.put("smtp", Map.of("host", a.smtp().host(), "port", a.smtp().port(), "tls", a.smtp().tls().key()));
        m.put("imap", Map.of("host", a.imap().host(), "port", a.imap().port(), "tls", a.imap().tls().key()));
        m.put("username", a.username());
        m.put("auth", a.auth().key());
        m.put("createdAt", a.createdAt().toString());
        return m;
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
                MailboxProvider p = MailboxProvider.parse(provider);
                var preset = ServerPresets.of(p);
                Endpoint s = smtp != null ? endpoint(smtp, 587, smtpTls, true)
                        : preset.map(ServerPresets.Preset::smtp).orElseThrow(() ->
                                new IllegalArgumentException("--smtp is required for a custom server"));
                Endpoint i = imap != null ? endpoint(imap, 993, imapTls, false)
                        : preset.map(ServerPresets.Preset::imap).orElseThrow(() ->
                                new IllegalArgumentException("--imap is required for a custom server"));
                if (!address.contains("@") || address.startsWith("@") || address.endsWith("@")) {
                    throw new IllegalArgumentException("not an email address: '" + address + "'");
                }
                account = new AccountRepository.NewAccount(address, p, s, i,
                        username == null ? address.trim().toLowerCase(Locale.ROOT) : username, AuthKind.parse(auth));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Secret plain = readSecret();
            if (!noTest) {
                WarmupAccount candidate = new WarmupAccount(0, account.address(), account.provider(), account.smtp(),
                        account.imap(), account.username(), account.auth(), store.clock().instant());
                ConnectionReport report = connectionTest(global, candidate, plain);
                if (!report.ok()) {
                    plain.wipe();
                    if (global.json) {
                        output().json(WarmupAccountCommands.toMap(report));
                    } else {
                        print(output(), report);
                        output().line("not added; fix the settings, or add anyway with --no-test");
                    }
                    return ExitCode.PROBLEMS;
                }
            }
            CredentialCipher cipher = cipher(global);
            String sealed = cipher.seal(plain, account.address().trim().toLowerCase(Locale.ROOT));
            plain.wipe();
            WarmupAccount added;
            try {
                added = repository(store).add(account, sealed);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
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

    /** {@code HOST[:PORT]} with a TLS mode; by default implicit TLS, except STARTTLS for SMTP on ports other than 465. */
    static Endpoint endpoint(String text, int defaultPort, String tls, boolean smtp) {
        Endpoint e = Endpoint.parse(text, defaultPort, TlsMode.IMPLICIT);
        TlsMode mode = tls != null ? TlsMode.parse(tls)
                : smtp && e.port() != 465 ? TlsMode.STARTTLS : TlsMode.IMPLICIT;
        return new Endpoint(e.host(), e.port(), mode);
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
            AccountRepository repo = repository(store);
            WarmupAccount account = repo.find(address)
                    .orElseThrow(() -> CliException.usage("no warm-up account " + address));
            Secret secret;
            try {
                secret = Credentials.stored(repo, cipher(global)).open(account);
            } catch (CredentialException e) {
                throw CliException.runtime(e.getMessage());
            }
            ConnectionReport report;
            try {
                report = connectionTest(global, account, secret);
            } finally {
                secret.wipe();
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
