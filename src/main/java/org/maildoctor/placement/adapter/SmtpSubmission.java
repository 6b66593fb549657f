package org.maildoctor.placement.adapter;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.adapter.MailConnector;

/**
 * Sends the test message, bytes unchanged, to every seed in one SMTP submission (Angus Mail).
 * Partial sends are allowed: a seed the server refuses is reported, the others still get the message.
 */
public final class SmtpSubmission {
    private final MailConnector connector;

    public SmtpSubmission(MailConnector connector) {
        this.connector = connector;
    }

    /**
     * The submission server and login; {@code mailFrom} is the envelope sender (empty: the message's From).
     * The server is the operator's own choice, so it may be private when {@code allowPrivate} is set.
     */
    public record Settings(Endpoint server, Optional<String> username, Optional<Secret> password,
                           Optional<String> mailFrom) {
    }

    /** The whole submission failed (connection, TLS, login, every recipient refused). */
    public static final class SubmissionFailed extends Exception {
        public SubmissionFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** @return the recipients the server refused, each with its reply */
    public Map<String, String> send(Settings settings, byte[] message, List<String> recipients) throws SubmissionFailed {
        Endpoint server = settings.server();
        InetAddress address;
        switch (connector.resolve(server.host())) {
            case MailConnector.Resolved r -> address = r.address();
            case MailConnector.Unreachable u -> throw new SubmissionFailed(u.reason());
        }
        String protocol = MailConnector.Protocol.SMTP.name(server);
        Session session = connector.session(MailConnector.Protocol.SMTP, server, address, AuthKind.PASSWORD);
        // the session's own properties object: Angus reads these at connect time
        Properties props = session.getProperties();
        props.put("mail." + protocol + ".sendpartial", "true");
        props.put("mail." + protocol + ".auth", Boolean.toString(settings.username().isPresent()));
        settings.mailFrom().ifPresent(f -> props.put("mail." + protocol + ".from", f));
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            try {
                to[i] = new InternetAddress(recipients.get(i), true);
            } catch (AddressException e) {
                throw new SubmissionFailed("not an address: " + recipients.get(i));
            }
        }
        char[] pw = settings.password().map(Secret::reveal).orElse(new char[0]);
        Map<String, String> refused = new LinkedHashMap<>();
        try (Transport t = session.getTransport(protocol)) {
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(message));
            t.connect(MailConnector.connectHost(address), server.port(), settings.username().orElse(null),
                    settings.username().isPresent() ? new String(pw) : null);
            try {
                t.sendMessage(m, to);
            } catch (SendFailedException e) {
                if (e.getInvalidAddresses() == null || e.getInvalidAddresses().length == 0) {
                    throw new SubmissionFailed("the server refused the message: " + oneLine(e.getMessage()));
                }
                for (Address a : e.getInvalidAddresses()) {
                    refused.put(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT),
                            "submission refused the recipient: " + replyOf(e, a));
                }
                if (refused.size() == to.length) {
                    throw new SubmissionFailed("the server refused every seed: " + oneLine(e.getMessage()));
                }
            }
        } catch (MessagingException e) {
            throw new SubmissionFailed("cannot submit to " + server + ": " + oneLine(e.getMessage()));
        } finally {
            Arrays.fill(pw, '\0');
        }
        return refused;
    }

    /** Angus chains one SMTPAddressFailedException per refused RCPT; its message is the server's reply. */
    private static String replyOf(SendFailedException e, Address a) {
        for (Exception n = e.getNextException(); n != null;
             n = n instanceof MessagingException me ? me.getNextException() : null) {
            if (n instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException f && f.getAddress().equals(a)) {
                return oneLine(f.getMessage());
            }
        }
        return "refused";
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    }
}
