package org.maildoctor.web;

/** The server could not start for a reason other than a taken port (e.g. an address not on this host). */
public final class WebStartException extends RuntimeException {
    public WebStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
