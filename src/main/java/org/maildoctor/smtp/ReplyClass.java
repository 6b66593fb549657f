package org.maildoctor.smtp;

/** The first digit of a basic reply code (RFC 5321 §4.2.1). */
public enum ReplyClass {
    POSITIVE_COMPLETION(2, "Positive completion: the action was done"),
    POSITIVE_INTERMEDIATE(3, "Positive intermediate: the server waits for more input"),
    TRANSIENT_NEGATIVE(4, "Transient negative completion: not done now; the same request may succeed later"),
    PERMANENT_NEGATIVE(5, "Permanent negative completion: not done; repeating the same request will fail again");

    private final int digit;
    private final String meaning;

    ReplyClass(int digit, String meaning) {
        this.digit = digit;
        this.meaning = meaning;
    }

    public int digit() {
        return digit;
    }

    public String meaning() {
        return meaning;
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
