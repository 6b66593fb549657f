package org.maildoctor.transport.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.maildoctor.transport.starttls.EhloExtensions;
import org.maildoctor.transport.starttls.StarttlsProbe;
import org.maildoctor.transport.starttls.StarttlsResult;

/**
 * The STARTTLS probe over a plain socket: banner, EHLO, STARTTLS, handshake, EHLO again, QUIT. The
 * handshake accepts any certificate so that an expired or misnamed one can be reported rather than
 * end the check; the chain is then validated on its own against the {@link TrustAnchors}.
 * Hand-written because no mail library exposes the negotiated session and the raw chain of a
 * STARTTLS upgrade without also deciding for us whether to trust it.
 */
public final class SocketStarttlsProbe implements StarttlsProbe {
    private static final ExecutorService IO = Executors.newVirtualThreadPerTaskExecutor();
    private static final int MAX_REPLY_LINES = 100;
    private static final int MAX_LINE = 2048;

    private final Duration timeout;
    private final TrustAnchors trust;
    private final String heloName;

    public SocketStarttlsProbe(Duration timeout, TrustAnchors trust, String heloName) {
        this.timeout = timeout;
        this.trust = trust;
        this.heloName = heloName;
    }

    @Override
    public CompletableFuture<StarttlsResult> probe(String mxHost, InetAddress address, int port) {
        return CompletableFuture.supplyAsync(() -> run(mxHost, address, port), IO);
    }

    StarttlsResult run(String mxHost, InetAddress address, int port) {
        // connect, banner and each step below get the full timeout each: a slow but working MX is not a failure
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            } catch (SocketTimeoutException e) {
                return new StarttlsResult.Unreachable("no TCP connection to " + address.getHostAddress() + ":" + port
                        + " within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                return new StarttlsResult.Unreachable("cannot connect to " + address.getHostAddress() + ":" + port
                        + ": " + e.getMessage());
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Reply banner;
            try {
                banner = read(s, in);
            } catch (IOException e) {
                return new StarttlsResult.Unreachable("connected, but no SMTP greeting: " + message(e));
            }
            if (banner.code != 220) {
                quit(s, out);
                return new StarttlsResult.Connected(banner.lines, banner.code, List.of(),
                        new StarttlsResult.NotOffered("the server refused service (" + banner.code + ")"));
            }
            List<String> ehlo;
            try {
                Reply r = command(s, in, out, "EHLO " + heloName);
                if (r.code != 250) {
                    quit(s, out);
                    return new StarttlsResult.Connected(banner.lines, banner.code, List.of(),
                            new StarttlsResult.NotOffered("EHLO was answered " + r.code + " " + String.join(" ", r.lines)));
                }
                ehlo = r.lines;
            } catch (IOException e) {
                return new StarttlsResult.Connected(banner.lines, banner.code, List.of(),
                        new StarttlsResult.NotOffered("the session ended at EHLO: " + message(e)));
            }
            if (!EhloExtensions.parse(ehlo).has("STARTTLS")) {
                quit(s, out);
                return new StarttlsResult.Connected(banner.lines, banner.code, ehlo,
                        new StarttlsResult.NotOffered("EHLO does not list STARTTLS"));
            }
            return new StarttlsResult.Connected(banner.lines, banner.code, ehlo, starttls(s, in, out, mxHost, port));
        } catch (IOException e) {
            return new StarttlsResult.Unreachable(message(e));
        }
    }

    private StarttlsResult.Tls starttls(Socket s, InputStream in, OutputStream out, String mxHost, int port) {
        try {
            Reply r = command(s, in, out, "STARTTLS");
            if (r.code != 220) {
                quit(s, out);
                return new StarttlsResult.Rejected(r.code + " " + String.join(" ", r.lines));
            }
        } catch (IOException e) {
            return new StarttlsResult.HandshakeFailed("the session ended at STARTTLS: " + message(e));
        }
        CapturingTrust capture = new CapturingTrust();
        try {
            SSLSocket tls = (SSLSocket) TrustAnchors.context(capture).getSocketFactory()
                    .createSocket(s, mxHost, port, true);
            SSLParameters p = tls.getSSLParameters();
            try {
                p.setServerNames(List.of(new SNIHostName(mxHost)));
            } catch (IllegalArgumentException e) {
                // not a name SNI can carry: send none
            }
            tls.setSSLParameters(p);
            tls.setSoTimeout((int) timeout.toMillis());
            tls.startHandshake();
            SSLSession session = tls.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
            Optional<String> distrust = trust.distrust(chain.toArray(X509Certificate[]::new));
            StarttlsResult.ChainTrust verdict = distrust
                    .map(why -> new StarttlsResult.ChainTrust(false, why))
                    .orElse(new StarttlsResult.ChainTrust(true, "the chain leads to a root in " + trust.description()));
            Optional<String> ehloAfter = Optional.empty();
            try {
                Reply again = command(tls, tls.getInputStream(), tls.getOutputStream(), "EHLO " + heloName);
                ehloAfter = Optional.of(again.code + " " + String.join(" | ", again.lines));
                quit(tls, tls.getOutputStream());
            } catch (IOException e) {
                ehloAfter = Optional.of("no answer to EHLO after TLS: " + message(e));
            }
            return new StarttlsResult.Negotiated(session.getProtocol(), session.getCipherSuite(), chain, verdict, ehloAfter);
        } catch (SocketTimeoutException e) {
            return new StarttlsResult.HandshakeFailed("the TLS handshake did not finish within " + timeout.toMillis() + " ms");
        } catch (SSLException e) {
            return new StarttlsResult.HandshakeFailed(SocketHttpsGet.tlsReason(e));
        } catch (IOException e) {
            return new StarttlsResult.HandshakeFailed("the connection failed during the TLS handshake: " + message(e));
        }
    }

    private Reply command(Socket s, InputStream in, OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read(s, in);
    }

    private static void quit(Socket s, OutputStream out) {
        try {
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // leaving anyway
        }
    }

    /** One SMTP reply (RFC 5321 §4.2): lines "NNN-text" until "NNN text". */
    private Reply read(Socket s, InputStream in) throws IOException {
        Deadline d = new Deadline(timeout);
        List<String> lines = new ArrayList<>();
        while (lines.size() < MAX_REPLY_LINES) {
            String line = readLine(s, in, d);
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("not an SMTP reply: '" + abbreviate(line) + "'");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), List.copyOf(lines));
            }
        }
        throw new IOException("reply longer than " + MAX_REPLY_LINES + " lines");
    }

    private static String readLine(Socket s, InputStream in, Deadline d) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < MAX_LINE) {
            int b = d.read(s, in);
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b == '\n') {
                return sb.toString().stripTrailing();
            }
            sb.append((char) b);
        }
        throw new IOException("reply line longer than " + MAX_LINE + " bytes");
    }

    private static String message(IOException e) {
        return e instanceof SocketTimeoutException ? "timeout" : String.valueOf(e.getMessage());
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private record Reply(int code, List<String> lines) {
    }

    /** Accepts every server chain during the handshake; trust is judged afterwards, with a reason. */
    private static final class CapturingTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // deliberately accepting: see the class comment
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    @Override
    public String toString() {
        return "SocketStarttlsProbe" + Arrays.asList(timeout, trust.description());
    }
}
