package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SMTP reply out of pasted text: a bare reply ({@code 550 5.1.1 User unknown}), a
 * multi-line one ({@code 550-5.1.1 ...} continuation lines, RFC 5321 §4.2.1), or one quoted inside
 * bounce prose ({@code host mx.example.org[192.0.2.1] said: 550 ...},
 * {@code Remote server returned '550 5.1.10 ...'}, {@code Diagnostic-Code: smtp; 550 ...}).
 * Replies with only an enhanced code, or only recognisable bounce wording, are accepted too.
 * Never throws on any input: failures are a {@link ReplyParseResult.NotAReply}.
 */
public final class SmtpReplyParser {

    /** Longer pastes are cut: a reply is at most a few kilobytes, and this bounds the work per call. */
    static final int MAX_INPUT = 64 * 1024;

    /**
     * A reply line: the code at the start of a line or after the punctuation that ends bounce prose
     * ({@code said:}, a quote, {@code smtp;}, {@code <<<}, {@code #}). Not after a plain word, so
     * "room 404 is closed" is no reply.
     */
    private static final Pattern REPLY_LINE = Pattern.compile(
            "(?:^|[:;'\"<>#(\\[]\\s*)([2-5][0-5]\\d)(?![\\d.])([ -]|$)(.*)$");
    private static final Pattern STATUS_LINE = Pattern.compile(
            "(?:^|[:;'\"<>#(\\[]\\s*)([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)(.*)$");
    private static final Pattern LEADING_STATUS = Pattern.compile("^\\s*#?([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)\\s*");
    /** An enhanced code inside the text, as qmail and Yahoo write it: {@code (#4.1.8)}, {@code #5.1.1}. */
    private static final Pattern STATUS_IN_TEXT = Pattern.compile("(?:^|[\\s(\\[#])#?([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)");
    private static final Pattern TRAILER = Pattern.compile("\\s*\\(in reply to [A-Za-z ]+command\\)\\s*$", Pattern.CASE_INSENSITIVE);

    private SmtpReplyParser() {
    }

    public static ReplyParseResult parse(String input) {
        if (input == null || input.isBlank()) {
            return new ReplyParseResult.NotAReply("the input is empty");
        }
        String text = input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
        List<String> lines = text.lines().map(SmtpReplyParser::clean).toList();

        for (int i = 0; i < lines.size(); i++) {
            if (!mayHoldReplyCode(lines.get(i))) {
                continue;
            }
            Matcher m = REPLY_LINE.matcher(lines.get(i));
            if (m.find()) {
                return withBasicCode(lines, i, m, text);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!mayHoldStatus(lines.get(i))) {
                continue;
            }
            Matcher m = STATUS_LINE.matcher(lines.get(i));
            if (m.find()) {
                List<String> body = new ArrayList<>();
                body.add(m.group(2).strip());
                body.addAll(following(lines, i + 1));
                return build(Optional.empty(), EnhancedStatus.parse(m.group(1)), body, text);
            }
        }
        List<String> body = lines.stream().filter(l -> !l.isBlank()).toList();
        Optional<EnhancedStatus> status = statusInText(String.join(" ", body), Optional.empty());
        return build(Optional.empty(), status, body, text);
    }

    /** Convenience for callers that only need the reply. */
    public static Optional<SmtpReply> tryParse(String input) {
        return parse(input) instanceof ReplyParseResult.Parsed p ? Optional.of(p.reply()) : Optional.empty();
    }

    private static ReplyParseResult withBasicCode(List<String> lines, int first, Matcher m, String whole) {
        Optional<ReplyCode> code = ReplyCode.parse(m.group(1));
        String quote = openingQuote(lines.get(first), m.start(1));
        Optional<EnhancedStatus> status = Optional.empty();
        List<String> body = new ArrayList<>();
        boolean more = m.group(2).equals("-");
        String rest = m.group(3);
        int i = first;
        Pattern continuation = cached("^\\s*" + m.group(1) + "([ -]|$)(.*)$");
        while (true) {
            Matcher lead = LEADING_STATUS.matcher(rest);
            if (lead.find()) {
                if (status.isEmpty()) {
                    status = EnhancedStatus.parse(lead.group(1));
                }
                rest = rest.substring(lead.end());
            }
            body.add(rest.strip());
            i++;
            if (!more || i >= lines.size()) {
                break;
            }
            // RFC 5321 §4.2.1: every line but the last is "code-text"; the last is "code text".
            Matcher next = continuation.matcher(lines.get(i));
            if (!next.find()) {
                break;
            }
            more = next.group(1).equals("-");
            rest = next.group(2);
        }
        // Bounce prose wraps the last reply line onto plain continuation lines (Postfix, Exim).
        body.addAll(following(lines, i));
        if (!quote.isEmpty() && !body.isEmpty()) {
            String last = body.getLast();
            if (last.endsWith(quote)) {
                body.set(body.size() - 1, last.substring(0, last.length() - quote.length()).strip());
            }
        }
        if (status.isEmpty()) {
            status = statusInText(String.join(" ", body), code);
        }
        return build(code, status, unfold(body, m.group(1), status), whole);
    }

    /**
     * DSN fields often fold a multi-line reply onto one line ("... multiple Subject 550-5.7.1 headers.");
     * the repeated code prefixes are removed so the text reads as the server wrote it.
     */
    /** Patterns built from a reply's code and status, compiled once per distinct text (bounded: they come from input). */
    private static final java.util.Map<String, Pattern> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern cached(String regex) {
        Pattern p = BUILT.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (BUILT.size() < 1024) {
                BUILT.put(regex, p);
            }
        }
        return p;
    }

    private static List<String> unfold(List<String> body, String code, Optional<EnhancedStatus> status) {
        String prefix = "\\s" + code + "(?:-(?:\\s*" + status.map(s -> Pattern.quote(s.toString())).orElse("[245]\\.\\d{1,3}\\.\\d{1,3}")
                + ")?|\\s" + status.map(s -> Pattern.quote(s.toString())).orElse("(?!)") + ")(?=\\s|$)";
        Pattern p = cached(prefix);
        return body.stream().map(line -> p.matcher(line).replaceAll("")).toList();
    }

    /** Plain text lines after a reply, up to a blank line or the next coded line. */
    private static List<String> following(List<String> lines, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || mayHoldReplyCode(line) && REPLY_LINE.matcher(line).find()) {
                break;
            }
            out.add(line.strip());
        }
        return out;
    }

    private static Optional<EnhancedStatus> statusInText(String text, Optional<ReplyCode> code) {
        Matcher m = STATUS_IN_TEXT.matcher(text);
        while (m.find()) {
            Optional<EnhancedStatus> s = EnhancedStatus.parse(m.group(1));
            // RFC 3463 §2: the enhanced class matches the reply class; a mismatch here is a version or an IP.
            if (s.isPresent() && code.map(c -> c.replyClass().digit() == s.get().statusClass().digit()).orElse(true)) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static ReplyParseResult build(Optional<ReplyCode> code, Optional<EnhancedStatus> status, List<String> body,
            String whole) {
        List<String> lines = new ArrayList<>();
        for (String line : body) {
            String trimmed = (Ascii.lower(line).contains("(in reply to ") ? TRAILER.matcher(line).replaceAll("") : line).strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        String text = String.join(" ", lines);
        // Tags from the reply text first, then host names from the surrounding prose.
        List<ProviderTag> tags = new ArrayList<>(ProviderTags.find(text));
        for (ProviderTag t : ProviderTags.find(whole.length() > 4096 ? whole.substring(0, 4096) : whole)) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        if (code.isEmpty() && status.isEmpty()) {
            if (text.isEmpty()) {
                return new ReplyParseResult.NotAReply("the input is empty");
            }
            boolean known = tags.stream().anyMatch(t -> !t.value().contains("."))
                    || ReasonClassifier.fromText(text).isPresent();
            if (!known) {
                return new ReplyParseResult.NotAReply(
                        "no SMTP reply code (like 550), enhanced status code (like 5.1.1) or known bounce wording found");
            }
        }
        return new ReplyParseResult.Parsed(new SmtpReply(code, status, lines, tags));
    }

    /*
     * Necessary conditions checked before the line regexes, which try their alternatives at every
     * position of every line of a notice: most lines hold no digit run that could be a code at all.
     */

    /** Whether {@code line} has three digits in a row shaped like a reply code ([2-5][0-5]\d), which REPLY_LINE needs. */
    private static boolean mayHoldReplyCode(String line) {
        for (int i = 0; i + 2 < line.length(); i++) {
            char a = line.charAt(i);
            if (a >= '2' && a <= '5') {
                char b = line.charAt(i + 1);
                char c = line.charAt(i + 2);
                if (b >= '0' && b <= '5' && c >= '0' && c <= '9') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code line} has "[245]." followed by a digit, which STATUS_LINE needs. */
    private static boolean mayHoldStatus(String line) {
        for (int i = line.indexOf('.'); i > 0 && i + 1 < line.length(); i = line.indexOf('.', i + 1)) {
            char a = line.charAt(i - 1);
            char d = line.charAt(i + 1);
            if ((a == '2' || a == '4' || a == '5') && d >= '0' && d <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The quote character that opened the reply (Exchange writes {@code returned '550 ...'}), if any. */
    private static String openingQuote(String line, int codeStart) {
        for (int j = codeStart - 1; j >= 0; j--) {
            char c = line.charAt(j);
            if (c == '\'' || c == '"') {
                return String.valueOf(c);
            }
            if (!Character.isWhitespace(c)) {
                return "";
            }
        }
        return "";
    }

    /** Control characters would corrupt terminal output and never belong to a reply. */
    private static String clean(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString().stripTrailing();
    }
}
