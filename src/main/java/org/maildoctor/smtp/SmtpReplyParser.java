package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /*
     * The line regexes (a reply line: the code at the start of a line or after the punctuation that
     * ends bounce prose -- "said:", a quote, "smtp;", "<<<", "#" -- not after a plain word, so "room
     * 404 is closed" is no reply; a status line; a leading status; a status inside the text) are
     * hand-written scanners in ReplyScan, which keeps the regexes they replace for its tests.
     */
    private static final Pattern TRAILER = Pattern.compile("\\s*\\(in reply to [A-Za-z ]+command\\)\\s*$", Pattern.CASE_INSENSITIVE);

    private SmtpReplyParser() {
    }

    public static ReplyParseResult parse(String input) {
        if (input == null || input.isBlank()) {
            return new ReplyParseResult.NotAReply("the input is empty");
        }
        String text = input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input;
        List<String> lines = lines(text);

        for (int i = 0; i < lines.size(); i++) {
            int code = ReplyScan.replyLine(lines.get(i));
            if (code >= 0) {
                return withBasicCode(lines, i, code, text);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = ReplyScan.statusLine(line);
            if (at >= 0) {
                int end = CodeScan.statusEnd(line, at);
                List<String> body = new ArrayList<>();
                body.add(ReplyScan.rest(line, end).strip());
                body.addAll(following(lines, i + 1));
                return build(Optional.empty(), Optional.of(CodeScan.status(line, at, end)), body, text);
            }
        }
        List<String> body = new ArrayList<>(lines.size());
        for (String l : lines) {
            if (!l.isBlank()) {
                body.add(l);
            }
        }
        Optional<EnhancedStatus> status = statusInText(String.join(" ", body), Optional.empty());
        return build(Optional.empty(), status, body, text);
    }

    /** {@code text.lines().map(SmtpReplyParser::clean).toList()}, without the stream. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        while (start < n) {
            int i = start;
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            out.add(clean(text, start, i));
            if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                i++;
            }
            start = i + 1;
        }
        return out;
    }

    /** Convenience for callers that only need the reply. */
    public static Optional<SmtpReply> tryParse(String input) {
        return parse(input) instanceof ReplyParseResult.Parsed p ? Optional.of(p.reply()) : Optional.empty();
    }

    private static ReplyParseResult withBasicCode(List<String> lines, int first, int codeAt, String whole) {
        String firstLine = lines.get(first);
        String codeText = firstLine.substring(codeAt, codeAt + 3);
        // REPLY_LINE's code is [2-5][0-5]\d: always a valid reply code
        Optional<ReplyCode> code = Optional.of(new ReplyCode(Integer.parseInt(codeText)));
        String quote = openingQuote(firstLine, codeAt);
        Optional<EnhancedStatus> status = Optional.empty();
        List<String> body = new ArrayList<>();
        int restAt = ReplyScan.afterSeparator(firstLine, codeAt + 3);
        boolean more = ReplyScan.separator(firstLine, codeAt + 3, restAt).equals("-");
        String rest = ReplyScan.rest(firstLine, restAt);
        int i = first;
        while (true) {
            int lead = ReplyScan.leadingStatus(rest);
            if (lead >= 0) {
                if (status.isEmpty()) {
                    status = Optional.of(CodeScan.status(rest, lead, CodeScan.statusEnd(rest, lead)));
                }
                rest = rest.substring(ReplyScan.leadingStatusEnd(rest, lead));
            }
            body.add(rest.strip());
            i++;
            if (!more || i >= lines.size()) {
                break;
            }
            // RFC 5321 §4.2.1: every line but the last is "code-text"; the last is "code text".
            String next = lines.get(i);
            int nextRest = ReplyScan.continuation(next, codeText);
            if (nextRest < 0) {
                break;
            }
            more = ReplyScan.separator(next, ReplyScan.continuationCodeEnd(next, codeText), nextRest).equals("-");
            rest = ReplyScan.rest(next, nextRest);
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
        return build(code, status, unfold(body, codeText, status), whole);
    }

    /**
     * DSN fields often fold a multi-line reply onto one line ("... multiple Subject 550-5.7.1 headers.");
     * the repeated code prefixes are removed so the text reads as the server wrote it.
     */
    private static List<String> unfold(List<String> body, String code, Optional<EnhancedStatus> status) {
        String written = status.map(EnhancedStatus::toString).orElse(null);
        List<String> out = new ArrayList<>(body.size());
        for (String line : body) {
            out.add(ReplyScan.unfold(line, code, written));
        }
        return out;
    }

    /** Plain text lines after a reply, up to a blank line or the next coded line. */
    private static List<String> following(List<String> lines, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || ReplyScan.replyLine(line) >= 0) {
                break;
            }
            out.add(line.strip());
        }
        return out;
    }

    private static Optional<EnhancedStatus> statusInText(String text, Optional<ReplyCode> code) {
        for (int at = ReplyScan.statusInText(text, 0); at >= 0; ) {
            int end = CodeScan.statusEnd(text, at);
            EnhancedStatus s = CodeScan.status(text, at, end);
            // RFC 3463 §2: the enhanced class matches the reply class; a mismatch here is a version or an IP.
            if (code.isEmpty() || code.get().replyClass().digit() == s.statusClass().digit()) {
                return Optional.of(s);
            }
            at = ReplyScan.statusInText(text, end);
        }
        return Optional.empty();
    }

    private static ReplyParseResult build(Optional<ReplyCode> code, Optional<EnhancedStatus> status, List<String> body,
            String whole) {
        List<String> lines = new ArrayList<>();
        for (String line : body) {
            // (the phrase found in any US-ASCII case without lowering a copy of every line first)
            String trimmed = (Ascii.containsLowerLiteral(line, "(in reply to ") ? TRAILER.matcher(line).replaceAll("") : line).strip();
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
            boolean known = false;
            for (ProviderTag t : tags) {
                known |= !t.value().contains("."); // a provider's code, not a host name
            }
            known = known || ReasonClassifier.fromText(text).isPresent();
            if (!known) {
                return new ReplyParseResult.NotAReply(
                        "no SMTP reply code (like 550), enhanced status code (like 5.1.1) or known bounce wording found");
            }
        }
        return new ReplyParseResult.Parsed(new SmtpReply(code, status, lines, tags));
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
    private static String clean(String text, int from, int to) {
        // char by char is code point by code point here: no surrogate is an ISO control character
        int i = from;
        while (i < to && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == to) {
            return text.substring(from, to).stripTrailing();
        }
        StringBuilder sb = new StringBuilder(to - from).append(text, from, i);
        for (; i < to; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().stripTrailing();
    }
}
