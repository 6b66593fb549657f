package org.maildoctor.warmup.account;

import java.util.Locale;

/** How a connection is secured: TLS from the first byte (SMTPS 465, IMAPS 993), STARTTLS, or not at all (tests only). */
public enum TlsMode {
    IMPLICIT("tls"),
    STARTTLS("starttls"),
    NONE("none");

    private final String key;

    TlsMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static TlsMode parse(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT);
        for (TlsMode m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown TLS mode '" + text + "'; known: tls, starttls, none");
    }
}
