package org.maildoctor.warmup.account;

/** The steps of connecting to a mail server, in order; a report names the first that failed. */
public enum ConnectionStep {
    DNS("dns"),
    TCP("tcp"),
    TLS("tls"),
    AUTH("auth"),
    /** IMAP only: listing the folders, which warm-up needs to find Inbox and Spam. */
    FOLDERS("imap-folders");

    private final String code;

    ConnectionStep(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
