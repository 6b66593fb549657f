package org.maildoctor.smtp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enhanced mail system status code (RFC 3463 §2, carried in replies per RFC 2034):
 * {@code status-code = class "." subject "." detail}, class 2/4/5, subject and detail 1*3digit.
 * The registry (RFC 5248, IANA) lists codes with the class written as {@code X}; {@link #registryKey()}
 * gives that form.
 */
public record EnhancedStatus(ReplyClass statusClass, int subject, int detail) {

    /** What {@link #parse} accepts; the parse is hand-written ({@link CodeScan}), tests compare the two. */
    static final Pattern SYNTAX = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern REGISTRY_KEY = Pattern.compile("[Xx245]\\.(\\d{1,3})\\.(\\d{1,3})");

    public EnhancedStatus {
        if (statusClass == null) {
            throw new IllegalArgumentException("status class is required");
        }
        if (!statusClass.isStatusClass()) {
            throw new IllegalArgumentException("enhanced status codes have class 2, 4 or 5, not " + statusClass.digit());
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail are 1 to 3 digits");
        }
    }

    /** Written out, as the record's own would be: see {@link ProviderTag#equals}. Statuses of every bounce are compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof EnhancedStatus e && statusClass == e.statusClass && subject == e.subject && detail == e.detail;
    }

    @Override
    public int hashCode() {
        return (31 * statusClass.hashCode() + subject) * 31 + detail;
    }

    /** Exactly {@code 5.1.1}-shaped text, else empty. */
    public static Optional<EnhancedStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // CodeScan instead of SYNTAX.matcher(...).matches(): this runs for every code of every bounce
        String t = text.strip();
        int end = CodeScan.statusEnd(t, 0);
        return end == t.length() ? Optional.of(CodeScan.status(t, 0, end)) : Optional.empty();
    }

    /** Normalises {@code 5.1.1} or {@code x.1.1} to the registry key {@code X.1.1}; empty if malformed. */
    public static Optional<String> registryKeyOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = REGISTRY_KEY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("X." + Integer.parseInt(m.group(1)) + "." + Integer.parseInt(m.group(2)));
    }

    /** {@code X.1.1}: the code as the IANA registry lists it, independent of class. */
    public String registryKey() {
        return "X." + subject + "." + detail;
    }

    /** {@code X.1}: the subject alone, for wildcard lookups. */
    public String subjectKey() {
        return "X." + subject;
    }

    public boolean isTransientFailure() {
        return statusClass == ReplyClass.TRANSIENT_FAILURE;
    }

    public boolean isPermanentFailure() {
        return statusClass == ReplyClass.PERMANENT_FAILURE;
    }

    /** RFC 3463 §3 subject names; subjects outside 0-7 are not defined by the RFC. */
    public String subjectMeaning() {
        return switch (subject) {
            case 0 -> "Other or undefined status";
            case 1 -> "Addressing status";
            case 2 -> "Mailbox status";
            case 3 -> "Mail system status";
            case 4 -> "Network and routing status";
            case 5 -> "Mail delivery protocol status";
            case 6 -> "Message content or media status";
            case 7 -> "Security or policy status";
            default -> "Undefined subject";
        };
    }

    @Override
    public String toString() {
        return statusClass.digit() + "." + subject + "." + detail;
    }
}
