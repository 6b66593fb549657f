package org.maildoctor.smtp;

/** The class digit of an enhanced status code (RFC 3463 §3.1). */
public enum StatusClass {
    SUCCESS(2, "Success"),
    PERSISTENT_TRANSIENT_FAILURE(4, "Persistent transient failure: the message is valid, but a temporary condition prevents delivery; sending later may succeed"),
    PERMANENT_FAILURE(5, "Permanent failure: resending the message in the same form will not succeed");

    private final int digit;
    private final String meaning;

    StatusClass(int digit, String meaning) {
        this.digit = digit;
        this.meaning = meaning;
    }

    public int digit() {
        return digit;
    }

    public String meaning() {
        return meaning;
    }

    static StatusClass of(int digit) {
        for (StatusClass c : values()) {
            if (c.digit == digit) {
                return c;
            }
        }
        throw new IllegalArgumentException("no status class " + digit);
    }
}
