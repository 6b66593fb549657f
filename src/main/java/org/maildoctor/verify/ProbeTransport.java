package org.maildoctor.verify;

import java.net.InetAddress;

/**
 * The port to an SMTP server for probing (adapter: {@code verify.adapter.SmtpProbeClient}). A
 * session greets, says EHLO, upgrades with STARTTLS when offered and sends MAIL FROM; it never
 * sends DATA. Failures are values, not exceptions.
 */
public interface ProbeTransport {

    /** Connects to {@code host} ({@code address}) and runs the session up to an accepted MAIL FROM. */
    Opened open(String host, InetAddress address);

    /** The outcome of {@link #open}. */
    sealed interface Opened {
        /** Ready for RCPT TO. */
        record Ready(ProbeSession session) implements Opened {
        }

        /**
         * The session could not reach MAIL FROM: connection refused, timeout, a 4xx/5xx greeting or
         * MAIL FROM reply ({@code reply} set), garbage. {@code connectFailed}: no TCP connection at all,
         * so the next MX host may be tried.
         */
        record Failed(ProbeFailure failure, boolean connectFailed, java.util.List<String> transcript) implements Opened {
            public Failed {
                transcript = java.util.List.copyOf(transcript);
            }
        }
    }
}
