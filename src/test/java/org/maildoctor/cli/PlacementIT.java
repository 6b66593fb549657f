package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.placement.FilingGreenMail;

/**
 * {@code placement seeds add|list|remove} and {@code placement run} against GreenMail mailboxes
 * whose delivery filter files some mail into Junk or a Promotions folder, drops some, with one seed
 * holding a wrong password and one whose IMAP server does not answer.
 */
class PlacementIT {
    private static final String PASSWORD = "seed-app-password-7f3k";
    private static final String MESSAGE = """
            From: Sender <news@sender.test>
            To: undisclosed-recipients:;
            Subject: Our November update
            Date: Sun, 06 Dec 2026 04:00:00 +0000
            Message-ID: <placement-it@sender.test>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Hello, this is the November update.
            """.replace("\n", "\r\n");

    @TempDir
    Path dir;
    private FilingGreenMail mail;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        mail = new FilingGreenMail();
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--allow-private", "--timeout", "2s"));
        return Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int addSeed(String address, String provider, int imapPort, Path pw, String... more) {
        List<String> a = new ArrayList<>(List.of("placement", "seeds", "add", address, "--provider", provider,
                "--imap", "127.0.0.1:" + imapPort, "--imap-tls", "none", "--password-file", pw.toString()));
        a.addAll(List.of(more));
        return run(a.toArray(String[]::new));
    }

    @Test
    void reportsEachSeedAndEachProviderWhileBrokenSeedsShowTheirOwnError() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, PASSWORD + "\n");
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not-the-password");
        for (String u : List.of("inbox@gmail.test", "junk@yahoo.test", "tab@gmail.test", "lost@outlook.test",
                "locked@yahoo.test")) {
            mail.user(u, PASSWORD);
        }
        mail.fileInto("junk@yahoo.test", "Junk");
        mail.fileInto("tab@gmail.test", "Promotions");
        mail.fileInto("lost@outlook.test", FilingGreenMail.DROP);
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }

        assertThat(addSeed("inbox@gmail.test", "gmail", mail.imapPort(), pw)).as(out + " " + err).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("login and folder listing passed");
        // the login test refuses a wrong password and an unreachable server unless --no-test
        assertThat(addSeed("locked@yahoo.test", "yahoo", mail.imapPort(), wrong)).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out.toString()).contains("FAILED at auth").contains("not added");
        assertThat(addSeed("locked@yahoo.test", "yahoo", mail.imapPort(), wrong, "--no-test")).isEqualTo(ExitCode.OK);
        assertThat(addSeed("gone@icloud.test", "icloud", deadPort, pw)).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out.toString()).contains("FAILED at tcp");
        assertThat(addSeed("gone@icloud.test", "icloud", deadPort, pw, "--no-test")).isEqualTo(ExitCode.OK);
        assertThat(addSeed("junk@yahoo.test", "yahoo", mail.imapPort(), pw)).isEqualTo(ExitCode.OK);
        assertThat(addSeed("tab@gmail.test", "gmail", mail.imapPort(), pw)).isEqualTo(ExitCode.OK);
        assertThat(addSeed("lost@outlook.test", "outlook", mail.imapPort(), pw)).isEqualTo(ExitCode.OK);
        assertThat(addSeed("inbox@gmail.test", "gmail", mail.imapPort(), pw)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("already a seed");

        assertThat(run("placement", "seeds", "list", "--json")).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("seeds")).hasSize(6);
        assertThat(out.toString()).doesNotContain(PASSWORD).doesNotContain("v1:");

        Path eml = dir.resolve("msg.eml");
        Files.writeString(eml, MESSAGE);
        long t0 = System.nanoTime();
        assertThat(run("placement", "run", "--message", eml.toString(), "--send-via", "127.0.0.1:" + mail.smtpPort(),
                "--send-tls", "none", "--deadline", "6s", "--poll", "300ms", "--json"))
                .as(err.toString()).isEqualTo(ExitCode.PROBLEMS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode report = new ObjectMapper().readTree(out.toString());
        Map<String, JsonNode> bySeed = new HashMap<>();
        report.get("seeds").forEach(s -> bySeed.put(s.get("address").asText(), s));
        assertThat(report.get("status").asText()).isEqualTo("finished");
        assertThat(report.get("token").asText()).matches("mdp-[a-z0-9]{12}");
        assertThat(bySeed.get("inbox@gmail.test").get("placement").asText()).as(out.toString()).isEqualTo("inbox");
        assertThat(bySeed.get("inbox@gmail.test").get("folder").asText()).isEqualTo("INBOX");
        assertThat(bySeed.get("junk@yahoo.test").get("placement").asText()).isEqualTo("spam");
        assertThat(bySeed.get("junk@yahoo.test").get("folder").asText()).endsWith("Junk");
        assertThat(bySeed.get("tab@gmail.test").get("placement").asText()).isEqualTo("category");
        assertThat(bySeed.get("lost@outlook.test").get("placement").asText()).isEqualTo("missing");
        assertThat(bySeed.get("lost@outlook.test").get("error").isNull()).isTrue();
        assertThat(bySeed.get("locked@yahoo.test").get("placement").asText()).isEqualTo("error");
        assertThat(bySeed.get("locked@yahoo.test").get("error").asText()).startsWith("auth:");
        assertThat(bySeed.get("gone@icloud.test").get("placement").asText()).isEqualTo("error");
        assertThat(bySeed.get("gone@icloud.test").get("error").asText()).startsWith("tcp:");
        // the missing seed held the run to the deadline, and not much longer
        assertThat(seconds).isBetween(6.0, 20.0);

        Map<String, JsonNode> byProvider = new HashMap<>();
        report.get("providers").forEach(p -> byProvider.put(p.get("provider").asText(), p));
        assertThat(byProvider.get("gmail").get("inbox").asInt()).isEqualTo(1);
        assertThat(byProvider.get("gmail").get("category").asInt()).isEqualTo(1);
        assertThat(byProvider.get("gmail").get("inboxRate").asDouble()).isEqualTo(1.0);
        assertThat(byProvider.get("yahoo").get("spam").asInt()).isEqualTo(1);
        assertThat(byProvider.get("yahoo").get("error").asInt()).isEqualTo(1);
        assertThat(byProvider.get("yahoo").get("inboxRate").asDouble()).isEqualTo(0.0);
        assertThat(byProvider.get("outlook").get("missing").asInt()).isEqualTo(1);
        assertThat(out.toString() + err.toString()).doesNotContain(PASSWORD);

        // the user sends it themselves with the token in the Subject; --token polls for it
        String token = "mdp-usersent2345";
        var props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        var m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(props));
        m.setFrom("me@sender.test");
        m.setSubject("Launch [" + token + "]");
        m.setText("hello");
        jakarta.mail.Transport.send(m, new jakarta.mail.Address[] {
            new jakarta.mail.internet.InternetAddress("junk@yahoo.test")});
        assertThat(run("placement", "run", "--token", token, "--seed", "junk@yahoo.test", "--deadline", "3s",
                "--poll", "200ms")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out.toString()).contains("junk@yahoo.test").contains("SPAM").contains("Junk");

        assertThat(run("placement", "seeds", "remove", "gone@icloud.test")).isEqualTo(ExitCode.OK);
        assertThat(run("placement", "seeds", "remove", "gone@icloud.test")).isEqualTo(ExitCode.USAGE);
    }
}
