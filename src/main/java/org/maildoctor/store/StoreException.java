package org.maildoctor.store;

/**
 * A store failure with a one-line message fit to show the user as is (it names the file or the
 * server, never a password). Callers at the edge (CLI, web) print {@link #getMessage()}.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
