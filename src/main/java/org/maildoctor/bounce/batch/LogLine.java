package org.maildoctor.bounce.batch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bounce as an MTA's log records it: Postfix's {@code status=bounced (...)} delivery lines and
 * Exim's {@code **} (failed delivery) lines. Pure: a line in, the fields out, or empty for any other
 * line (deferrals, deliveries, noise).
 *
 * @param timestamp as written in the log ({@code Dec  6 01:42:03}, {@code 2026-12-06T01:42:03+00:00},
 *                  {@code 2026-12-06 01:42:03})
 * @param host      the logging host (Postfix syslog lines), else empty
 * @param status    the enhanced status code the log gives ({@code dsn=5.1.1}), else empty
 * @param diagnostic the remote server's reply or the MTA's own explanation
 * @param remoteMta the server that refused, when the log names it
 * @param command   the SMTP command that was refused ({@code RCPT}, {@code DATA}, ...), else empty
 * @param dialect   {@code PostfixLog} or {@code EximLog}
 */
public record LogLine(String timestamp, String host, String recipient, String status, String diagnostic,
        String remoteMta, String command, String dialect) {

    private static final String SYSLOG_TIME = "(?<ts>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(?:Z|[+-]\\d\\d:?\\d\\d)?)";
    private static final Pattern POSTFIX = Pattern.compile(SYSLOG_TIME
            + " (?<host>\\S+) postfix[^:\\s]*/[^:\\s]+\\[\\d+\\]: \\w+: to=<(?<rcpt>[^>]*)>,(?<fields>.*?) status=bounced \\((?<why>.*)\\)\\s*$");
    // compiled once: String.matches compiles its regex on every call, and every input file is sniffed
    private static final Pattern SYSLOG_LINE = Pattern.compile(SYSLOG_TIME + " \\S+ \\S+?(?:\\[\\d+\\])?: .*");
    private static final Pattern EXIM_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: [+-]\\d{4})? .*");
    private static final Pattern DSN = Pattern.compile("\\bdsn=([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern RELAY = Pattern.compile("\\brelay=([^,\\[\\s]+)");
    private static final Pattern HOST_SAID = Pattern.compile("^host (?<mta>\\S+?)(?:\\[[^\\]]*\\])? said: (?<reply>.*?)(?: \\(in reply to (?<cmd>.+?) command\\))?$");
    private static final Pattern EXIM = Pattern.compile(
            "^(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: [+-]\\d{4})?) (?:\\[\\d+\\] )?\\S+ \\*\\* (?<rcpt>\\S+?)(?: <(?<orig>[^>]*)>)?(?<rest>(?: [A-Z]{1,3}=(?:\"[^\"]*\"|\\S*)(?: \\[[^\\]]*\\](?::\\d+)?)?)*): (?<why>.*)$");
    private static final Pattern EXIM_HOST = Pattern.compile(" H=(\\S+)");
    private static final Pattern EXIM_AFTER = Pattern.compile("after (RCPT TO|MAIL FROM|end of data|DATA|initial connection|EHLO|HELO|pipelined \\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_START = Pattern.compile("(?<![\\d.])[245]\\d\\d[ -]");
    /** Log lines longer than this are not lines an MTA writes; skip them rather than scan them. */
    static final int MAX_LINE = 16 * 1024;

    public static Optional<LogLine> parse(String line) {
        if (line == null || line.length() > MAX_LINE) {
            return Optional.empty();
        }
        if (line.contains(" status=bounced (")) {
            return postfix(line);
        }
        if (line.contains(" ** ")) {
            return exim(line);
        }
        return Optional.empty();
    }

    /** True when the line is one this class reads, so a file of them can be told from a message. */
    public static boolean looksLikeLog(String firstLine) {
        return firstLine != null && (SYSLOG_LINE.matcher(firstLine).matches() || EXIM_LINE.matcher(firstLine).matches());
    }

    private static Optional<LogLine> postfix(String line) {
        Matcher m = POSTFIX.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String fields = m.group("fields");
        Matcher dsn = DSN.matcher(fields);
        String status = dsn.find() ? dsn.group(1) : "";
        Matcher relay = RELAY.matcher(fields);
        String remote = relay.find() && !relay.group(1).equals("none") ? relay.group(1) : "";
        String why = m.group("why");
        String command = "";
        Matcher said = HOST_SAID.matcher(why);
        if (said.matches()) {
            remote = said.group("mta");
            why = said.group("reply");
            command = said.group("cmd") == null ? "" : smtpCommand(said.group("cmd"));
        }
        return Optional.of(new LogLine(m.group("ts"), m.group("host"), m.group("rcpt"), status, why, remote,
                command, "PostfixLog"));
    }

    private static Optional<LogLine> exim(String line) {
        Matcher m = EXIM.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rcpt = m.group("rcpt");
        if (rcpt.endsWith(":")) {
            rcpt = rcpt.substring(0, rcpt.length() - 1);
        }
        Matcher host = EXIM_HOST.matcher(m.group("rest"));
        String why = m.group("why");
        Matcher after = EXIM_AFTER.matcher(why);
        String command = after.find() ? smtpCommand(after.group(1)) : "";
        Matcher reply = REPLY_START.matcher(why);
        String diagnostic = command.isEmpty() || !reply.find() ? why : why.substring(reply.start());
        return Optional.of(new LogLine(m.group("ts"), "", rcpt, "", diagnostic,
                host.find() ? host.group(1) : "", command, "EximLog"));
    }

    private static String smtpCommand(String words) {
        String w = words.toUpperCase(java.util.Locale.ROOT);
        if (w.startsWith("RCPT")) {
            return "RCPT";
        }
        if (w.startsWith("MAIL")) {
            return "MAIL";
        }
        if (w.contains("DATA")) {
            return "DATA";
        }
        if (w.startsWith("EHLO") || w.startsWith("HELO")) {
            return "EHLO";
        }
        if (w.contains("CONNECTION")) {
            return "CONN";
        }
        return w.replaceAll("^PIPELINED ", "");
    }
}
