package org.maildoctor.verify.bulk;

/** The input list cannot be read as asked (missing column, unreadable file); the message names what to fix. */
public final class BulkInputException extends RuntimeException {
    public BulkInputException(String message) {
        super(message);
    }

    public BulkInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
