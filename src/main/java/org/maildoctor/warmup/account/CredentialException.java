package org.maildoctor.warmup.account;

/** A stored credential that cannot be opened; the message never contains the secret. */
public final class CredentialException extends RuntimeException {
    public CredentialException(String message) {
        super(message);
    }
}
