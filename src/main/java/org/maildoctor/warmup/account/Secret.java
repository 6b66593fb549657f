package org.maildoctor.warmup.account;

import java.util.Arrays;

/**
 * A password or token in memory. Its {@code toString} never shows the value, so a secret that
 * reaches a log line or an exception message prints as {@code Secret[***]}.
 */
public final class Secret {
    private final char[] value;

    public Secret(char[] value) {
        this.value = value.clone();
    }

    public char[] reveal() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Overwrites the characters once the secret is no longer needed. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
