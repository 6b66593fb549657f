package org.maildoctor.warmup.adapter;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;

/**
 * Angus Mail session properties for one server: every timeout set, sockets pinned to the address
 * our resolver chose, the server's certificate checked against its name, STARTTLS required when asked.
 */
public final class MailProperties {
    private MailProperties() {
    }

    /** Angus's protocol name: {@code smtp}/{@code smtps} or {@code imap}/{@code imaps}. */
    public static String protocol(String base, Endpoint endpoint) {
        return endpoint.tls() == TlsMode.IMPLICIT ? base + "s" : base;
    }

    /** @param base {@code smtp} or {@code imap} */
    public static Properties of(String base, Endpoint endpoint, InetAddress address, Duration timeout) {
        String p = protocol(base, endpoint);
        Properties props = new Properties();
        String ms = Long.toString(timeout.toMillis());
        props.put("mail." + p + ".connectiontimeout", ms);
        props.put("mail." + p + ".timeout", ms);
        props.put("mail." + p + ".writetimeout", ms);
        PinnedSocketFactory pinned = new PinnedSocketFactory(address, (SSLSocketFactory) SSLSocketFactory.getDefault());
        props.put("mail." + p + ".socketFactory", pinned.plain());
        props.put("mail." + p + ".ssl.socketFactory", pinned);
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
        if (endpoint.tls() == TlsMode.STARTTLS) {
            props.put("mail." + p + ".starttls.enable", "true");
            props.put("mail." + p + ".starttls.required", "true");
        }
        return props;
    }
}
