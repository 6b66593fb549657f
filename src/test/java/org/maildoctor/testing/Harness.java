package org.maildoctor.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Ports of the running test harness, read from its env file ({@code $MAIL_HARNESS_STATE/harness.env},
 * default {@code /tmp/mail-harness/harness.env}) so no integration test hard-codes a port.
 * The harness is started by {@code test-harness/ensure.sh} (called by {@code ./run-tests}).
 */
public final class Harness {
    private static Properties props;

    private Harness() {
    }

    public static synchronized Properties env() {
        if (props == null) {
            String state = System.getenv().getOrDefault("MAIL_HARNESS_STATE", "/tmp/mail-harness");
            Path file = Path.of(state, "harness.env");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("test harness not running: " + file
                        + " missing; start it with: bash test-harness/ensure.sh", e);
            }
            props = p;
        }
        return props;
    }

    private static int port(String key) {
        return Integer.parseInt(env().getProperty(key).trim());
    }

    public static int dnsPort() {
        return port("MAIL_HARNESS_DNS_PORT");
    }

    /** {@code 127.0.0.1:PORT} of the harness DNS server, as the CLI's {@code --dns} takes it. */
    public static String dnsServer() {
        return "127.0.0.1:" + dnsPort();
    }

    public static int smtpPort() {
        return port("MAIL_HARNESS_SMTP_PORT");
    }

    public static int submissionPort() {
        return port("MAIL_HARNESS_SUBMISSION_PORT");
    }

    public static int relayPort() {
        return port("MAIL_HARNESS_RELAY_PORT");
    }

    /** The loopback HTTPS server of mta-sts.* and bimi.* (tools/https_server.py). */
    public static int httpsPort() {
        return port("MAIL_HARNESS_HTTPS_PORT");
    }

    /** The harness's test CA (PEM), which signed the Postfix and HTTPS certificates. */
    public static java.nio.file.Path caFile() {
        return java.nio.file.Path.of(env().getProperty("MAIL_HARNESS_CA_FILE").trim());
    }

    /** SpamAssassin's spamd on 127.0.0.1 (local rules, no Bayes, no network tests). */
    public static int spamdPort() {
        return port("MAIL_HARNESS_SPAMD_PORT");
    }

    /** rspamd's normal worker (HTTP, {@code /checkv2}) on 127.0.0.1. */
    public static int rspamdPort() {
        return port("MAIL_HARNESS_RSPAMD_PORT");
    }
}
