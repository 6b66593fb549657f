package org.maildoctor.verify.adapter;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the probe client.
 *
 * @param port        the SMTP port of every MX host (25; tests point it at the harness Postfix)
 * @param heloName    the name sent in EHLO/HELO: a name the prober's IP really has, for polite identification
 * @param mailFrom    the envelope sender of the probe (empty for the null reverse-path {@code <>})
 * @param connectTimeout TCP connect timeout
 * @param replyTimeout   the longest wait for one complete reply (the greeting included)
 * @param startTls    upgrade with STARTTLS when the server offers it
 */
public record SmtpProbeConfig(int port, String heloName, String mailFrom, Duration connectTimeout,
                              Duration replyTimeout, boolean startTls) {
    public SmtpProbeConfig {
        Objects.requireNonNull(heloName);
        Objects.requireNonNull(mailFrom);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static SmtpProbeConfig defaults(Duration timeout) {
        return new SmtpProbeConfig(25, "localhost.localdomain", "", timeout, timeout, true);
    }
}
