package org.maildoctor.transport.adapter;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.HttpsTarget;

/**
 * HTTPS GET over an {@link SSLSocket} to the address the caller resolved. Written by hand, not with
 * {@code java.net.http.HttpClient}: that client resolves host names through the operating system,
 * while MTA-STS and BIMI hosts must be resolved through maildoctor's one {@code Resolver} (so
 * {@code --dns} applies) and pass the private-address guard before any connection is made.
 *
 * <p>Speaks HTTP/1.0 with {@code Connection: close}, so the body ends at end of stream (a chunked
 * reply is decoded anyway); never follows redirects (RFC 8461 §3.3); validates the chain and the
 * host name (endpoint identification "HTTPS"); reads at most {@code maxBytes} of body; one overall
 * deadline covers connect, handshake and reading.
 */
public final class SocketHttpsGet implements HttpsGet {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final ExecutorService IO = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration timeout;
    private final TrustAnchors trust;

    public SocketHttpsGet(Duration timeout, TrustAnchors trust) {
        this.timeout = timeout;
        this.trust = trust;
    }

    @Override
    public CompletableFuture<HttpsOutcome> get(HttpsTarget target) {
        return CompletableFuture.supplyAsync(() -> fetch(target), IO);
    }

    HttpsOutcome fetch(HttpsTarget t) {
        Deadline deadline = new Deadline(timeout);
        try (Socket raw = new Socket()) {
            try {
                raw.connect(new InetSocketAddress(t.address(), t.port()), deadline.remainingMillis());
            } catch (SocketTimeoutException e) {
                return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TIMEOUT, "no TCP connection to "
                        + t.address().getHostAddress() + ":" + t.port() + " within " + timeout.toMillis() + " ms");
            } catch (ConnectException | NoRouteToHostException e) {
                return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.UNREACHABLE, "cannot connect to "
                        + t.address().getHostAddress() + ":" + t.port() + ": " + e.getMessage());
            }
            try (SSLSocket tls = (SSLSocket) trust.context().getSocketFactory()
                    .createSocket(raw, t.host(), t.port(), true)) {
                SSLParameters p = tls.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setServerNames(List.of(new SNIHostName(t.host())));
                tls.setSSLParameters(p);
                tls.setSoTimeout(deadline.remainingMillis());
                try {
                    tls.startHandshake();
                } catch (SocketTimeoutException e) {
                    return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TIMEOUT,
                            "the TLS handshake did not finish within " + timeout.toMillis() + " ms");
                } catch (SSLException e) {
                    return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TLS, tlsReason(e));
                }
                OutputStream out = tls.getOutputStream();
                out.write(("GET " + t.path() + " HTTP/1.0\r\nHost: " + t.host() + (t.port() == 443 ? "" : ":" + t.port())
                        + "\r\nUser-Agent: maildoctor\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return response(tls, tls.getInputStream(), deadline, t.maxBytes());
            }
        } catch (SocketTimeoutException e) {
            return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TIMEOUT, "no complete response from "
                    + t.url() + " within " + timeout.toMillis() + " ms");
        } catch (SSLException e) {
            return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.TLS, tlsReason(e));
        } catch (ProtocolError e) {
            return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.PROTOCOL, e.getMessage());
        } catch (IOException e) {
            return new HttpsOutcome.Failure(HttpsOutcome.FailureKind.UNREACHABLE, t.url() + ": " + e.getMessage());
        }
    }

    private static HttpsOutcome response(Socket s, InputStream in, Deadline d, int maxBytes) throws IOException {
        String head = readHead(s, in, d);
        String[] lines = head.split("\r?\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("[0-9]{3}")) {
            throw new ProtocolError("not an HTTP response: '" + abbreviate(lines[0]) + "'");
        }
        Optional<String> contentType = Optional.empty();
        Optional<String> location = Optional.empty();
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "content-type" -> contentType = Optional.of(value);
                case "location" -> location = Optional.of(value);
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = chunked ? readChunked(s, in, d, body, maxBytes) : readPlain(s, in, d, body, maxBytes, contentLength);
        return new HttpsOutcome.Response(Integer.parseInt(status[1]), contentType, location, body.toByteArray(), truncated);
    }

    private static String readHead(Socket s, InputStream in, Deadline d) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0; // counts the bytes of a CRLFCRLF or LFLF ending
        while (true) {
            int b = d.read(s, in);
            if (b < 0) {
                throw new ProtocolError("the server closed the connection before the end of the HTTP headers");
            }
            head.write(b);
            if (head.size() > MAX_HEADER_BYTES) {
                throw new ProtocolError("HTTP headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                state++;
                if (state == 2) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            } else if (b != '\r') {
                state = 0;
            }
        }
    }

    private static boolean readPlain(Socket s, InputStream in, Deadline d, ByteArrayOutputStream body, int max,
            long contentLength) throws IOException {
        if (contentLength > max) {
            return true; // no need to read what will not be used
        }
        byte[] buf = new byte[8192];
        while (true) {
            int n = d.read(s, in, buf, 0, buf.length);
            if (n < 0) {
                return false;
            }
            int room = max - body.size();
            body.write(buf, 0, Math.min(n, room));
            if (n > room) {
                return true;
            }
            if (contentLength >= 0 && body.size() >= contentLength) {
                return false;
            }
        }
    }

    private static boolean readChunked(Socket s, InputStream in, Deadline d, ByteArrayOutputStream body, int max)
            throws IOException {
        while (true) {
            String sizeLine = readLine(s, in, d);
            long size;
            try {
                size = Long.parseLong(sizeLine.split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolError("bad chunk size '" + abbreviate(sizeLine) + "'");
            }
            if (size == 0) {
                return false;
            }
            if (body.size() + size > max) {
                return true;
            }
            for (long i = 0; i < size; i++) {
                int b = d.read(s, in);
                if (b < 0) {
                    throw new EOFException("the chunked body ended early");
                }
                body.write(b);
            }
            readLine(s, in, d);
        }
    }

    private static String readLine(Socket s, InputStream in, Deadline d) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1024) {
            int b = d.read(s, in);
            if (b < 0 || b == '\n') {
                return sb.toString().strip();
            }
            sb.append((char) b);
        }
        throw new ProtocolError("chunk header line too long");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String tlsReason(SSLException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? e.getMessage() : root.getMessage();
        if (msg != null && msg.contains("NotAfter")) {
            return "the certificate has expired (" + msg + ")";
        }
        if (msg != null && msg.contains("No subject alternative")) {
            return "the certificate is for another name (" + msg + ")";
        }
        if (msg != null && msg.contains("unable to find valid certification path")) {
            return "the certificate chain does not lead to a trusted root (" + msg + ")";
        }
        return "TLS handshake failed: " + (msg == null ? e.getClass().getSimpleName() : msg);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The reply is not HTTP as we know it. */
    private static final class ProtocolError extends IOException {
        ProtocolError(String message) {
            super(message);
        }
    }
}
