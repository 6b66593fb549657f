package org.maildoctor.smtp;

/**
 * The class digit shared by basic reply codes (RFC 5321 §4.2.1: 2, 3, 4, 5) and enhanced status
 * codes (RFC 3463 §3.1: 2, 4, 5 — no intermediate class). One enum for both, so that "is this a
 * transient failure" means the same thing whichever code a reply carries.
 */
public enum ReplyClass {
    SUCCESS(2, "Positive completion: the action was done", "Success"),
    INTERMEDIATE(3, "Positive intermediate: the server waits for more input", null),
    TRANSIENT_FAILURE(4, "Transient negative completion: not done now; the same request may succeed later",
            "Persistent transient failure: the message is valid, but a temporary condition prevents delivery; "
                    + "sending later may succeed"),
    PERMANENT_FAILURE(5, "Permanent negative completion: not done; repeating the same request will fail again",
            "Permanent failure: resending the message in the same form will not succeed");

    private final int digit;
    private final String meaning;
    private final String statusMeaning;

    ReplyClass(int digit, String meaning, String statusMeaning) {
        this.digit = digit;
        this.meaning = meaning;
        this.statusMeaning = statusMeaning;
    }

    public int digit() {
        return digit;
    }

    /** The meaning as a basic reply code's first digit (RFC 5321 §4.2.1). */
    public String meaning() {
        return meaning;
    }

    /** The meaning as an enhanced status code's class (RFC 3463 §3.1); {@link #INTERMEDIATE} has none. */
    public String statusMeaning() {
        if (statusMeaning == null) {
            throw new IllegalStateException("enhanced status codes have no class " + digit);
        }
        return statusMeaning;
    }

    /** Whether an enhanced status code may have this class (2, 4 or 5). */
    public boolean isStatusClass() {
        return statusMeaning != null;
    }

    static ReplyClass of(int digit) {
        for (ReplyClass c : values()) {
            if (c.digit == digit) {
                return c;
            }
        }
        throw new IllegalArgumentException("no reply class " + digit);
    }
}
