package org.maildoctor.web;

/** Binding to a non-loopback address was requested with no admin password or API token configured. */
public final class InsecureBindException extends RuntimeException {
    private final String bindAddress;

    public InsecureBindException(String bindAddress) {
        super("refusing to listen on " + bindAddress
                + " without authentication: configure an admin password or an API token, or bind to 127.0.0.1");
        this.bindAddress = bindAddress;
    }

    public String bindAddress() {
        return bindAddress;
    }
}
