package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.testing.Harness;

/** {@code maildoctor dkim} against the real harness: Knot DNS keys, and a message signed by OpenDKIM. */
class DkimCommandIT {
    @TempDir
    Path dir;

    @Test
    void keysFindsTheHarness2048BitRsaKey() throws Exception {
        DkimCommandTest.Run r = DkimCommandTest.run("dkim", "keys", "good.test", "--selector", "sel1",
                "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sel = new ObjectMapper().readTree(r.out()).get("selectors").get(0);
        assertThat(sel.get("status").asText()).isEqualTo("found");
        assertThat(sel.get("keyType").asText()).isEqualTo("rsa");
        assertThat(sel.get("bits").asInt()).isEqualTo(2048);
        assertThat(sel.get("grade").asText()).isEqualTo("good");
    }

    @Test
    void keysReportsTheRevokedKeyOfBrokenTest() {
        DkimCommandTest.Run r = DkimCommandTest.run("dkim", "keys", "broken.test", "--selector", "revoked",
                "--dns", Harness.dnsServer());
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out()).containsPattern("revoked\\s+revoked");
    }

    @Test
    void keysOverTheCommonListFindsNoSelectorOfGoodTestButSaysSo() {
        DkimCommandTest.Run r = DkimCommandTest.run("dkim", "keys", "good.test", "--dns", Harness.dnsServer());
        assertThat(r.out()).contains("common selectors absent");
    }

    /** Postfix submission (587) → OpenDKIM signs From @good.test → relay to our sink on 2525 → verify: pass. */
    @Test
    void messageSignedByOpenDkimVerifies() throws Exception {
        int relay = Harness.relayPort();
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay));
        } catch (IOException busy) {
            Assumptions.abort("relay port " + relay + " is busy (another receiver runs there); skipping the OpenDKIM round trip");
            return;
        }
        String token = UUID.randomUUID().toString();
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        Thread sink = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(20_000);
                    byte[] data = Smtp.receive(s);
                    if (data != null) {
                        received.add(data);
                    }
                } catch (IOException e) {
                    // closed or a broken session: keep listening until the test ends
                }
            }
        });
        try {
            String message = "From: IT <it@good.test>\r\nTo: someone@example.net\r\nSubject: dkim IT " + token
                    + "\r\nMessage-ID: <" + token + "@good.test>\r\n\r\nHello from the DKIM IT.\r\n";
            Smtp.send(Harness.submissionPort(), "it@good.test", "someone@example.net", message);
            byte[] signed = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (signed == null && System.nanoTime() < deadline) {
                byte[] m = received.poll(1, TimeUnit.SECONDS);
                if (m != null && new String(m, StandardCharsets.ISO_8859_1).contains(token)) {
                    signed = m;
                }
            }
            assertThat(signed).as("message relayed to the sink within 60 s").isNotNull();
            assertThat(new String(signed, StandardCharsets.ISO_8859_1)).containsIgnoringCase("DKIM-Signature:");
            Path file = dir.resolve("signed.eml");
            Files.write(file, signed);
            DkimCommandTest.Run r = DkimCommandTest.run("dkim", "verify", file.toString(), "--dns", Harness.dnsServer(),
                    "--json");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            JsonNode sig = new ObjectMapper().readTree(r.out()).get("signatures").get(0);
            assertThat(sig.get("verdict").asText()).isEqualTo("pass");
            assertThat(sig.get("domain").asText()).isEqualTo("good.test");
            assertThat(sig.get("selector").asText()).isEqualTo("sel1");
            assertThat(sig.get("keyBits").asInt()).isEqualTo(2048);
        } finally {
            server.close();
            sink.join(5_000);
        }
    }

    /** Just enough SMTP for a loopback round trip. */
    static final class Smtp {
        private Smtp() {
        }

        static void send(int port, String from, String to, String message) throws IOException {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(20_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                expect(in, "220");
                command(out, "EHLO it.good.test");
                expect(in, "250");
                command(out, "MAIL FROM:<" + from + ">");
                expect(in, "250");
                command(out, "RCPT TO:<" + to + ">");
                expect(in, "250");
                command(out, "DATA");
                expect(in, "354");
                out.write(message.replace("\r\n.", "\r\n..").getBytes(StandardCharsets.ISO_8859_1));
                command(out, ".");
                expect(in, "250");
                command(out, "QUIT");
            }
        }

        /** Serves one session; returns the DATA bytes (dot-unstuffed) or null. */
        static byte[] receive(Socket s) throws IOException {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            command(out, "220 sink.test ESMTP");
            byte[] data = null;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> command(out, "250 sink.test");
                    case "DATA" -> {
                        command(out, "354 go ahead");
                        ByteArrayOutputStream body = new ByteArrayOutputStream();
                        String l;
                        while ((l = readLine(in)) != null && !l.equals(".")) {
                            body.writeBytes((l.startsWith(".") ? l.substring(1) : l).getBytes(StandardCharsets.ISO_8859_1));
                            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        }
                        data = body.toByteArray();
                        command(out, "250 queued");
                    }
                    case "QUIT" -> {
                        command(out, "221 bye");
                        return data;
                    }
                    default -> command(out, "250 ok");
                }
            }
            return data;
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    byte[] bytes = b.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }

        private static void command(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        private static void expect(BufferedReader in, String code) throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null || !line.startsWith(code)) {
                    throw new IOException("expected " + code + ", got: " + line);
                }
            } while (line.length() > 3 && line.charAt(3) == '-');
        }
    }
}
