package org.maildoctor.receiver.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the receiver listens and what it tolerates.
 *
 * @param bind                    listen address
 * @param port                    TCP port (0: any free port)
 * @param hostName                the name in the banner and EHLO reply
 * @param spoolDir                where raw messages are written (one fsynced file each)
 * @param maxMessageBytes         larger messages get 552 5.3.4
 * @param timeout                 per-command/read timeout: a client that stalls is disconnected
 * @param maxConnections          concurrent connections in all
 * @param maxRecipients           RCPTs per transaction
 * @param perIpConnectionsPerMinute new connections per client IP per minute (rate limit)
 * @param tls                     the STARTTLS context, empty to not offer STARTTLS
 */
public record ReceiverConfig(InetAddress bind, int port, String hostName, Path spoolDir, int maxMessageBytes,
                             Duration timeout, int maxConnections, int maxRecipients, int perIpConnectionsPerMinute,
                             Optional<SSLContext> tls) {
    public static final int DEFAULT_PORT = 2525;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

    public ReceiverConfig {
        Objects.requireNonNull(bind);
        Objects.requireNonNull(spoolDir);
        tls = Objects.requireNonNullElse(tls, Optional.empty());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
    }

    /** Defaults: 25 MB, 60 s timeout, 100 connections, 100 recipients, 60 connections per IP and minute. */
    public static ReceiverConfig defaults(InetAddress bind, int port, Path spoolDir, Optional<SSLContext> tls) {
        return new ReceiverConfig(bind, port, "maildoctor", spoolDir, DEFAULT_MAX_MESSAGE_BYTES,
                Duration.ofSeconds(60), 100, 100, 60, tls);
    }

    public ReceiverConfig withLimits(int maxConnections, int perIpConnectionsPerMinute) {
        return new ReceiverConfig(bind, port, hostName, spoolDir, maxMessageBytes, timeout, maxConnections,
                maxRecipients, perIpConnectionsPerMinute, tls);
    }

    public ReceiverConfig withMaxMessageBytes(int bytes) {
        return new ReceiverConfig(bind, port, hostName, spoolDir, bytes, timeout, maxConnections, maxRecipients,
                perIpConnectionsPerMinute, tls);
    }

    public ReceiverConfig withTimeout(Duration t) {
        return new ReceiverConfig(bind, port, hostName, spoolDir, maxMessageBytes, t, maxConnections, maxRecipients,
                perIpConnectionsPerMinute, tls);
    }
}
