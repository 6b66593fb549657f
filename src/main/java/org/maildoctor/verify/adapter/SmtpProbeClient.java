package org.maildoctor.verify.adapter;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.ReplyCode;
import org.maildoctor.smtp.SmtpReply;
import org.maildoctor.smtp.SmtpReplyParser;
import org.maildoctor.verify.ProbeFailure;
import org.maildoctor.verify.ProbeSession;
import org.maildoctor.verify.ProbeTransport;

/**
 * The SMTP probe client: plain sockets, because a prober must bound everything an untrusted
 * server sends (line length, reply size, time per reply) and must never get as far as DATA;
 * general-purpose clients (Jakarta Mail, commons-net) expose neither bound. Replies are read into
 * the shared {@link SmtpReply} model through {@link SmtpReplyParser}.
 */
public final class SmtpProbeClient implements ProbeTransport {
    /** Entries longer than this are cut in the transcript (a garbage banner must not fill a report). */
    private static final int TRANSCRIPT_ENTRY = 512;

    private final SmtpProbeConfig config;

    public SmtpProbeClient(SmtpProbeConfig config) {
        this.config = config;
    }

    @Override
    public Opened open(String host, InetAddress address) {
        List<String> transcript = new ArrayList<>();
        Socket socket = new Socket();
        transcript.add("connect " + host + " [" + address.getHostAddress() + "]:" + config.port());
        try {
            socket.connect(new InetSocketAddress(address, config.port()), (int) config.connectTimeout().toMillis());
        } catch (SocketTimeoutException e) {
            close(socket);
            return new Opened.Failed(ProbeFailure.of(ProbeFailure.Kind.TIMEOUT, "connect to " + host + " ["
                    + address.getHostAddress() + "] timed out after " + config.connectTimeout().toMillis() + " ms"),
                    true, transcript);
        } catch (ConnectException | NoRouteToHostException e) {
            close(socket);
            return new Opened.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "connect to " + host + " ["
                    + address.getHostAddress() + "]:" + config.port() + ": " + e.getMessage()), true, transcript);
        } catch (IOException | RuntimeException e) {
            close(socket);
            return new Opened.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "connect to " + host + ": "
                    + e.getMessage()), true, transcript);
        }
        Session s = new Session(socket, host, transcript);
        try {
            s.attach(socket);
            ProbeSession.Step greeting = s.await();
            if (!(greeting instanceof ProbeSession.Step.Reply g) || !is2xx(g.reply())) {
                return s.fail("greeting", greeting);
            }
            ProbeSession.Step ehlo = s.hello();
            if (!(ehlo instanceof ProbeSession.Step.Reply e) || !is2xx(e.reply())) {
                return s.fail("EHLO/HELO", ehlo);
            }
            if (config.startTls() && s.offersStartTls) {
                ProbeSession.Step tls = s.command("STARTTLS");
                if (tls instanceof ProbeSession.Step.Reply t && is2xx(t.reply())) {
                    s.upgrade();
                    ProbeSession.Step again = s.hello();
                    if (!(again instanceof ProbeSession.Step.Reply a) || !is2xx(a.reply())) {
                        return s.fail("EHLO after STARTTLS", again);
                    }
                }
            }
            ProbeSession.Step from = s.mailFrom();
            if (!(from instanceof ProbeSession.Step.Reply f) || !is2xx(f.reply())) {
                return s.fail("MAIL FROM", from);
            }
            return new Opened.Ready(s);
        } catch (IOException e) {
            s.closeQuietly();
            return new Opened.Failed(ProbeFailure.of(ProbeFailure.Kind.PROTOCOL, "STARTTLS with " + host + " failed: "
                    + e.getMessage()), false, transcript);
        }
    }

    private static boolean is2xx(SmtpReply r) {
        return r.replyCode().map(c -> c.value() >= 200 && c.value() < 300).orElse(false);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do: the socket is gone either way
        }
    }

    private final class Session implements ProbeSession {
        private Socket socket;
        private final String host;
        private final List<String> transcript;
        private ReplyReader reader;
        private OutputStream out;
        private boolean broken;
        boolean offersStartTls;
        /** RFC 2920: the server takes a group of RCPT commands before answering. */
        boolean pipelining;

        Session(Socket socket, String host, List<String> transcript) {
            this.socket = socket;
            this.host = host;
            this.transcript = transcript;
        }

        void attach(Socket s) throws IOException {
            socket = s;
            s.setSoTimeout((int) config.replyTimeout().toMillis());
            reader = new ReplyReader(new BufferedInputStream(s.getInputStream()));
            out = s.getOutputStream();
        }

        void upgrade() throws IOException {
            SSLContext ctx;
            try {
                ctx = SSLContext.getInstance("TLS");
                // opportunistic TLS (RFC 7435): the probe sends no secret, and MX certificates are
                // routinely self-signed; encryption without authentication beats plain text here
                ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("no TLS: " + e.getMessage(), e);
            }
            SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(socket, host, config.port(), true);
            tls.setSoTimeout((int) config.replyTimeout().toMillis());
            tls.startHandshake();
            transcript.add("TLS " + tls.getSession().getProtocol() + " " + tls.getSession().getCipherSuite());
            attach(tls);
        }

        Step hello() {
            Step ehlo = command("EHLO " + config.heloName());
            if (ehlo instanceof Step.Reply r && r.reply().replyCode().map(c -> c.value() >= 500).orElse(false)) {
                return command("HELO " + config.heloName());
            }
            if (ehlo instanceof Step.Reply r) {
                offersStartTls = r.reply().lines().stream()
                        .anyMatch(l -> l.strip().toUpperCase(Locale.ROOT).equals("STARTTLS"));
                pipelining = r.reply().lines().stream()
                        .anyMatch(l -> l.strip().toUpperCase(Locale.ROOT).equals("PIPELINING"));
            }
            return ehlo;
        }

        Step mailFrom() {
            return command("MAIL FROM:<" + config.mailFrom() + ">");
        }

        Opened.Failed fail(String stage, Step step) {
            closeQuietly();
            ProbeFailure f = switch (step) {
                case Step.Failed x -> new ProbeFailure(x.failure().kind(), stage + ": " + x.failure().detail(),
                        Optional.empty());
                case Step.Reply r -> new ProbeFailure(ProbeFailure.Kind.REJECTED, host + " refused the probe at "
                        + stage + ": " + r.reply().toString().strip(), Optional.of(r.reply()));
            };
            return new Opened.Failed(f, false, transcript);
        }

        @Override
        public Step rcpt(String address) {
            return command("RCPT TO:<" + address + ">");
        }

        @Override
        public List<Step> rcptAll(List<String> addresses) {
            if (!pipelining || addresses.size() < 2 || broken) {
                return ProbeSession.super.rcptAll(addresses);
            }
            StringBuilder batch = new StringBuilder();
            for (String a : addresses) {
                String line = "RCPT TO:<" + a + ">";
                transcript.add(cut("C: " + line));
                batch.append(line).append("\r\n");
            }
            List<Step> out = new ArrayList<>(addresses.size());
            try {
                OutputStream o = this.out;
                o.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                o.flush();
            } catch (IOException e) {
                broken = true;
                Step failed = new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "sending RCPT to " + host
                        + ": " + e.getMessage()));
                return java.util.Collections.nCopies(addresses.size(), failed);
            }
            for (int i = 0; i < addresses.size(); i++) {
                Step step = await();
                out.add(step);
                if (step instanceof Step.Failed) {
                    while (out.size() < addresses.size()) {
                        out.add(step);
                    }
                    break;
                }
            }
            return out;
        }

        @Override
        public Step reset() {
            Step rset = command("RSET");
            if (rset instanceof Step.Failed) {
                return rset;
            }
            return mailFrom();
        }

        Step command(String line) {
            if (broken) {
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "session already failed"));
            }
            transcript.add(cut("C: " + line));
            try {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                broken = true;
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, "sending " + verb(line) + " to "
                        + host + ": " + e.getMessage()));
            }
            return await();
        }

        Step await() {
            try {
                ReplyReader.RawReply raw = reader.read(System.nanoTime() + config.replyTimeout().toNanos());
                raw.lines().forEach(l -> transcript.add(cut("S: " + l)));
                return new Step.Reply(toReply(raw));
            } catch (SocketTimeoutException e) {
                broken = true;
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.TIMEOUT, host + " sent no complete reply"
                        + " within " + config.replyTimeout().toMillis() + " ms"));
            } catch (ReplyReader.BadReply e) {
                broken = true;
                transcript.add("protocol error: " + e.getMessage());
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.PROTOCOL, host + ": " + e.getMessage()));
            } catch (EOFException e) {
                broken = true;
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, host + ": " + e.getMessage()));
            } catch (IOException e) {
                broken = true;
                return new Step.Failed(ProbeFailure.of(ProbeFailure.Kind.NETWORK, host + ": " + e.getMessage()));
            }
        }

        @Override
        public List<String> transcript() {
            return List.copyOf(transcript);
        }

        @Override
        public void clearTranscript() {
            transcript.clear();
        }

        @Override
        public void close() {
            if (!broken) {
                command("QUIT");
            }
            closeQuietly();
        }

        void closeQuietly() {
            broken = true;
            SmtpProbeClient.close(socket);
        }
    }

    private static String verb(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    private static String cut(String s) {
        return s.length() <= TRANSCRIPT_ENTRY ? s : s.substring(0, TRANSCRIPT_ENTRY) + "…";
    }

    /** The shared reply model; the wire form is always a reply even when its text says little. */
    static SmtpReply toReply(ReplyReader.RawReply raw) {
        String joined = String.join("\r\n", raw.lines());
        Optional<SmtpReply> parsed = SmtpReplyParser.tryParse(joined)
                .filter(r -> r.replyCode().map(c -> c.value() == raw.code()).orElse(false));
        if (parsed.isPresent()) {
            return parsed.get();
        }
        List<String> texts = raw.lines().stream().map(l -> l.length() > 4 ? l.substring(4) : "").toList();
        Optional<EnhancedStatus> status = texts.isEmpty() ? Optional.empty()
                : EnhancedStatus.parse(texts.getFirst().split(" ", 2)[0]);
        Optional<ReplyCode> code = ReplyCode.isValid(raw.code()) ? Optional.of(new ReplyCode(raw.code()))
                : Optional.empty();
        if (code.isEmpty() && status.isEmpty() && texts.stream().allMatch(String::isBlank)) {
            return new SmtpReply(Optional.empty(), Optional.empty(), List.of("(reply code " + raw.code() + ")"), List.of());
        }
        return new SmtpReply(code, status, texts, List.of());
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
