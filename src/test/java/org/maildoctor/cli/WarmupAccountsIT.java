package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.adapter.MasterKey;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;

/** {@code warmup add|list|remove} on a real H2 store; the raw row never holds the password. */
class WarmupAccountsIT {
    private static final String PASSWORD = "correct-horse-battery-staple-42";

    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dir.resolve("data").toString());
        return Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void credentialsAreEncryptedInTheDatabaseAndNeverShown() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, PASSWORD + "\n");
        assertThat(run("warmup", "add", "Ann@Example.ORG", "--provider", "gmail", "--password-file", pw.toString(),
                "--no-test", "--json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode added = new ObjectMapper().readTree(out.toString());
        assertThat(added.get("address").asText()).isEqualTo("ann@example.org");
        assertThat(added.at("/smtp/host").asText()).isEqualTo("smtp.gmail.com");
        assertThat(added.at("/imap/port").asInt()).isEqualTo(993);
        assertThat(out.toString() + err.toString()).doesNotContain(PASSWORD);

        assertThat(run("warmup", "add", "bob@mail.test", "--smtp", "mail.test:587", "--imap", "mail.test",
                "--password-file", pw.toString(), "--no-test")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("SMTP mail.test:587 (starttls)").contains("IMAP mail.test:993 (tls)");

        assertThat(run("warmup", "list", "--json")).isEqualTo(ExitCode.OK);
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertThat(list.get("accounts")).hasSize(2);
        assertThat(out.toString()).doesNotContain(PASSWORD).doesNotContain("v1:").doesNotContainIgnoringCase("secret");

        Path key = dir.resolve("data").resolve(MasterKey.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(key)).hasSize(2);
        try (Store store = Store.open(StoreConfig.of(dir.resolve("data"), null))) {
            // every column of every row, as text: neither the password nor its plain encodings
            List<String> cells = new ArrayList<>();
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM warmup_account")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
            String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
            assertThat(cells).isNotEmpty().noneMatch(v -> v.contains(PASSWORD) || v.contains(b64)
                    || v.contains(PASSWORD.substring(0, 12)));
            // …and yet it opens with the master key
            var repo = new JdbcAccountRepository(store.dataSource(), store.clock());
            String sealed = repo.sealedSecret("ann@example.org").orElseThrow();
            CredentialCipher cipher = new CredentialCipher(MasterKey.load(null, dir.resolve("data"), new SecureRandom()),
                    new SecureRandom());
            assertThat(new String(cipher.open(sealed, "ann@example.org").reveal())).isEqualTo(PASSWORD);
        }

        assertThat(run("warmup", "add", "ann@example.org", "--provider", "gmail", "--password-file", pw.toString(),
                "--no-test"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("already a warm-up account");
        assertThat(run("warmup", "remove", "ann@example.org")).isEqualTo(ExitCode.OK);
        assertThat(run("warmup", "remove", "ann@example.org")).isEqualTo(ExitCode.USAGE);
        assertThat(run("warmup", "list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("bob@mail.test").doesNotContain("ann@");
    }

    @Test
    void addTestsTheConnectionFirstAndTestNamesTheFailedStep() throws Exception {
        var mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort(),
            com.icegreen.greenmail.util.ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        try {
            mail.setUser("cat@warmup.test", "cat@warmup.test", PASSWORD);
            String smtp = "127.0.0.1:" + mail.getSmtp().getPort();
            String imap = "127.0.0.1:" + mail.getImap().getPort();
            Path wrong = dir.resolve("wrong.txt");
            Files.writeString(wrong, "not-the-password");
            assertThat(run("warmup", "add", "cat@warmup.test", "--smtp", smtp, "--smtp-tls", "none", "--imap", imap,
                    "--imap-tls", "none", "--password-file", wrong.toString(), "--allow-private"))
                    .isEqualTo(ExitCode.PROBLEMS);
            assertThat(out.toString()).contains("FAILED at auth").contains("not added");
            assertThat(run("warmup", "list")).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).doesNotContain("cat@");

            // loopback servers need --allow-private
            Path pw = dir.resolve("pw.txt");
            Files.writeString(pw, PASSWORD);
            assertThat(run("warmup", "add", "cat@warmup.test", "--smtp", smtp, "--smtp-tls", "none", "--imap", imap,
                    "--imap-tls", "none", "--password-file", pw.toString())).isEqualTo(ExitCode.PROBLEMS);
            assertThat(out.toString()).contains("FAILED at tcp").contains("--allow-private");

            assertThat(run("warmup", "add", "cat@warmup.test", "--smtp", smtp, "--smtp-tls", "none", "--imap", imap,
                    "--imap-tls", "none", "--password-file", pw.toString(), "--allow-private"))
                    .as(out + " " + err).isEqualTo(ExitCode.OK);
            assertThat(out.toString()).contains("connection test passed");
            assertThat(run("warmup", "test", "cat@warmup.test", "--allow-private", "--json")).isEqualTo(ExitCode.OK);
            JsonNode report = new ObjectMapper().readTree(out.toString());
            assertThat(report.get("ok").asBoolean()).isTrue();
            assertThat(report.at("/imap/passed").toString()).contains("imap-folders");
            assertThat(report.at("/imap/folders").toString()).contains("INBOX");
            assertThat(out.toString() + err.toString()).doesNotContain(PASSWORD);

            mail.stop();
            assertThat(run("warmup", "test", "cat@warmup.test", "--allow-private")).isEqualTo(ExitCode.PROBLEMS);
            assertThat(out.toString()).contains("FAILED at tcp");
        } finally {
            mail.stop();
        }
    }

    @Test
    void badInputIsAUsageError() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, PASSWORD);
        assertThat(run("warmup", "add", "x@custom.test", "--password-file", pw.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("SMTP server (--smtp) is required for a custom server");
        assertThat(run("warmup", "add", "nobody", "--provider", "yahoo", "--password-file", pw.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("not an email address");
        assertThat(run("warmup", "add", "a@yahoo.test", "--provider", "yahoo", "--password-env", "MAILDOCTOR_NO_SUCH_VAR"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("MAILDOCTOR_NO_SUCH_VAR is not set");
    }
}
