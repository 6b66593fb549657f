package org.maildoctor.receiver.score;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What the SMTP session said about a message.
 *
 * @param clientIp   the connecting client's address
 * @param helo       the EHLO/HELO argument
 * @param mailFrom   the MAIL FROM reverse-path without brackets ({@code ""} for the null path)
 * @param recipients RCPT TO addresses
 * @param tls        whether the session used STARTTLS before DATA
 */
public record Envelope(InetAddress clientIp, String helo, String mailFrom, List<String> recipients, boolean tls) {
    public Envelope {
        Objects.requireNonNull(clientIp);
        helo = helo == null ? "" : helo;
        mailFrom = mailFrom == null ? "" : mailFrom;
        recipients = List.copyOf(recipients);
    }
}
