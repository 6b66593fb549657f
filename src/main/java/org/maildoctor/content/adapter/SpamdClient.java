package org.maildoctor.content.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.maildoctor.content.SecondOpinion;
import org.maildoctor.content.SpamdReport;

/**
 * Asks SpamAssassin's spamd for a REPORT over the SPAMC/SPAMD protocol 1.5. Hand-written (about
 * forty lines of socket code): the one Java spamc library on Maven Central (hu.alphabox:spamc
 * 0.1.x) is a one-person 0.x project without read timeouts, and the protocol is a plain
 * request/response that spamd/PROTOCOL specifies completely. The server is the operator's own
 * ({@code --spamd}), so it may be on loopback; every read and the connect are timed out.
 */
public final class SpamdClient implements SecondOpinion.Engine {
    /** spamc's own default size limit: spamd setups expect nothing larger, and it keeps a check quick. */
    public static final int MAX_BYTES = 500 * 1024;
    private static final int MAX_ANSWER = 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    public SpamdClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    private String server() {
        return host + ":" + port;
    }

    @Override
    public SecondOpinion check(byte[] message) {
        if (message.length > MAX_BYTES) {
            return SecondOpinion.unavailable("spamassassin", server(), "the message is larger than "
                    + MAX_BYTES / 1024 + " KB, which spamc does not send to spamd either");
        }
        String answer;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("REPORT SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            s.shutdownOutput();
            answer = readAll(s.getInputStream());
        } catch (SocketTimeoutException e) {
            return SecondOpinion.unavailable("spamassassin", server(), "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return SecondOpinion.unavailable("spamassassin", server(), "cannot reach spamd: " + e.getMessage());
        }
        try {
            return SecondOpinion.of("spamassassin", server(), SpamdReport.parse(answer));
        } catch (IllegalArgumentException e) {
            return SecondOpinion.unavailable("spamassassin", server(), e.getMessage());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            b.write(buf, 0, n);
            if (b.size() > MAX_ANSWER) {
                throw new IOException("spamd's answer is larger than " + MAX_ANSWER / 1024 + " KB");
            }
        }
        if (b.size() == 0) {
            throw new IOException("spamd closed the connection without an answer");
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
