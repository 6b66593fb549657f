package org.maildoctor.smtp;

import java.util.Map;
import java.util.Optional;

/**
 * The basic three-digit SMTP reply code of RFC 5321 §4.2. The first digit is the class
 * ({@link ReplyClass}), the second the category (0-5, §4.2.1), the third the detail.
 */
public record ReplyCode(int value) {

    public ReplyCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an SMTP reply code: " + value);
        }
    }

    /** RFC 5321 §4.2: {@code Reply-code = %x32-35 %x30-35 %x30-39}. */
    public static boolean isValid(int value) {
        int first = value / 100;
        int second = value / 10 % 10;
        return value >= 200 && value <= 559 && first >= 2 && second <= 5;
    }

    public static Optional<ReplyCode> parse(String text) {
        if (text == null || text.length() != 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return isValid(value) ? Optional.of(new ReplyCode(value)) : Optional.empty();
    }

    public ReplyClass replyClass() {
        return ReplyClass.of(value / 100);
    }

    public boolean isTransientFailure() {
        return replyClass() == ReplyClass.TRANSIENT_FAILURE;
    }

    public boolean isPermanentFailure() {
        return replyClass() == ReplyClass.PERMANENT_FAILURE;
    }

    /** RFC 5321 §4.2.2/§4.2.3 wording (and the extensions that added codes), else the class meaning. */
    public String meaning() {
        return MEANINGS.getOrDefault(value, replyClass().meaning());
    }

    /** True when the code is one that an RFC defines (not just a valid number). */
    public boolean isDefined() {
        return MEANINGS.containsKey(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    /** RFC 5321 §4.2.2 unless marked; wording shortened where the RFC text is a sentence about syntax. */
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(211, "System status, or system help reply"),
            Map.entry(214, "Help message"),
            Map.entry(220, "Service ready"),
            Map.entry(221, "Service closing transmission channel"),
            Map.entry(235, "Authentication successful (RFC 4954)"),
            Map.entry(250, "Requested mail action okay, completed"),
            Map.entry(251, "User not local; will forward"),
            Map.entry(252, "Cannot VRFY user, but will accept message and attempt delivery"),
            Map.entry(334, "Server challenge for authentication (RFC 4954)"),
            Map.entry(354, "Start mail input; end with <CRLF>.<CRLF>"),
            Map.entry(421, "Service not available, closing transmission channel"),
            Map.entry(432, "A password transition is needed (RFC 4954)"),
            Map.entry(450, "Requested mail action not taken: mailbox unavailable (e.g. mailbox busy or temporarily blocked for policy reasons)"),
            Map.entry(451, "Requested action aborted: local error in processing"),
            Map.entry(452, "Requested action not taken: insufficient system storage"),
            Map.entry(454, "Temporary authentication failure or TLS not available (RFC 4954, RFC 3207)"),
            Map.entry(455, "Server unable to accommodate parameters"),
            Map.entry(500, "Syntax error, command unrecognized"),
            Map.entry(501, "Syntax error in parameters or arguments"),
            Map.entry(502, "Command not implemented"),
            Map.entry(503, "Bad sequence of commands"),
            Map.entry(504, "Command parameter not implemented"),
            Map.entry(521, "Host does not accept mail (RFC 7504)"),
            Map.entry(523, "Encryption needed (RFC 5248)"),
            Map.entry(525, "User account disabled (RFC 5248)"),
            Map.entry(530, "Authentication required (RFC 4954)"),
            Map.entry(534, "Authentication mechanism is too weak (RFC 4954)"),
            Map.entry(535, "Authentication credentials invalid (RFC 4954)"),
            Map.entry(538, "Encryption required for requested authentication mechanism (RFC 4954)"),
            Map.entry(550, "Requested action not taken: mailbox unavailable (e.g. mailbox not found, no access, or command rejected for policy reasons)"),
            Map.entry(551, "User not local; please try another path"),
            Map.entry(552, "Requested mail action aborted: exceeded storage allocation"),
            Map.entry(553, "Requested action not taken: mailbox name not allowed (e.g. mailbox syntax incorrect)"),
            Map.entry(554, "Transaction failed (or, in reply to a connection, no SMTP service here)"),
            Map.entry(555, "MAIL FROM/RCPT TO parameters not recognized or not implemented"),
            Map.entry(556, "Domain does not accept mail (RFC 7504, null MX)"));
}
