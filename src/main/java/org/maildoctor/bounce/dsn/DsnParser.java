package org.maildoctor.bounce.dsn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.bounce.mime.MimeText;

/**
 * Reads RFC 3464 delivery-status fields. The body is groups of header-style fields separated by
 * blank lines; the first group is per-message, each later group with a Final-Recipient (or an
 * Original-Recipient only) is one recipient. Lenient: fields may be folded, groups may lack the
 * separating blank line (some MTAs omit it), and unknown fields are ignored.
 */
public final class DsnParser {

    private DsnParser() {
    }

    public static DeliveryStatus parse(String body) {
        List<Map<String, String>> groups = groups(body);
        Map<String, String> perMessage = new LinkedHashMap<>();
        List<RecipientFields> recipients = new ArrayList<>();
        for (Map<String, String> g : groups) {
            if (g.containsKey("final-recipient") || g.containsKey("original-recipient")) {
                recipients.add(recipient(g));
            } else {
                g.forEach(perMessage::putIfAbsent);
            }
        }
        // Some MTAs put per-message fields into the first recipient group; read them from there too.
        for (Map<String, String> g : groups) {
            for (String k : List.of("reporting-mta", "arrival-date", "received-from-mta")) {
                if (g.containsKey(k)) {
                    perMessage.putIfAbsent(k, g.get(k));
                }
            }
        }
        return new DeliveryStatus(untype(perMessage.getOrDefault("reporting-mta", "")),
                perMessage.getOrDefault("arrival-date", ""), untype(perMessage.getOrDefault("received-from-mta", "")),
                recipients);
    }

    private static RecipientFields recipient(Map<String, String> g) {
        String diag = g.getOrDefault("diagnostic-code", "");
        String diagType = "";
        int semi = diag.indexOf(';');
        if (semi > 0 && semi < 20 && !spaceBetween(diag, 0, semi)) {
            diagType = diag.substring(0, semi).strip();
            diag = diag.substring(semi + 1).strip();
        }
        return new RecipientFields(address(g.getOrDefault("final-recipient", "")),
                address(g.getOrDefault("original-recipient", "")),
                g.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT),
                g.getOrDefault("status", "").strip(),
                untype(g.getOrDefault("remote-mta", "")),
                diagType, diag, g.getOrDefault("last-attempt-date", "").strip());
    }

    /** Splits into field groups; a repeated Final-Recipient starts a new group even without a blank line. */
    static List<Map<String, String>> groups(String body) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = new LinkedHashMap<>();
        String lastKey = null;
        // over offsets, without split() or a String per line: a body is a few hundred bytes of fields, read for
        // every report; the same lines, blank tests and strips as split("\n", -1) and String.isBlank gave
        for (int at = 0, n = body.length(); at <= n; ) {
            int nl = body.indexOf('\n', at);
            int end = nl < 0 ? n : nl;
            int start = at;
            at = nl < 0 ? n + 1 : nl + 1;
            if (blank(body, start, end)) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new LinkedHashMap<>();
                }
                lastKey = null;
                continue;
            }
            char first = body.charAt(start);
            if ((first == ' ' || first == '\t') && lastKey != null) {
                cur.merge(lastKey, " " + body.substring(start, end).strip(), String::concat);
                continue;
            }
            int colon = body.indexOf(':', start, end);
            if (colon < 0 || colon >= end || colon == start || spaceBetween(body, start, colon)) {
                continue;
            }
            String key = body.substring(start, colon).strip().toLowerCase(Locale.ROOT);
            String value = body.substring(colon + 1, end).strip();
            if (key.equals("final-recipient") && cur.containsKey("final-recipient")) {
                out.add(cur);
                cur = new LinkedHashMap<>();
            }
            cur.putIfAbsent(key, value);
            lastKey = key;
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** {@code rfc822; <a@b>} to {@code a@b}; encoded words and {@code utf-8; } (RFC 6533 xtext) decoded. */
    public static String address(String value) {
        String v = untype(value);
        v = MimeText.decodeWords(v).strip();
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            v = v.substring(lt + 1, gt);
        }
        v = trimAngles(v.replace("\"", "").strip());
        // an RFC 821 source route ("@relay.example:jane@example.org") names the path, not the mailbox
        if (v.startsWith("@") && v.indexOf(':') > 0) {
            v = v.substring(v.indexOf(':') + 1);
        }
        return v;
    }

    /**
     * {@code replaceAll("^<+|>+$", "")} without compiling that regex on every call; {@code $} also matches
     * before a final line terminator.
     */
    static String trimAngles(String v) {
        int s = 0;
        int end = v.length();
        while (s < end && v.charAt(s) == '<') {
            s++;
        }
        int e = end - finalTerminator(v, s);
        int kept = e;
        while (e > s && v.charAt(e - 1) == '>') {
            e--;
        }
        return v.substring(s, e) + v.substring(kept);
    }

    /** Length of the line terminator that ends {@code v} after {@code from}: 2 for CRLF, 1, or 0. */
    private static int finalTerminator(String v, int from) {
        int n = v.length();
        if (n - from >= 2 && v.charAt(n - 2) == '\r' && v.charAt(n - 1) == '\n') {
            return 2;
        }
        if (n - from >= 1) {
            char c = v.charAt(n - 1);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return 1;
            }
        }
        return 0;
    }

    /** {@code s.substring(start, end).isBlank()} without the copy. */
    private static boolean blank(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} holds a space in [start, end). */
    private static boolean spaceBetween(String s, int start, int end) {
        int sp = s.indexOf(' ', start);
        return sp >= 0 && sp < end;
    }

    /** Drops the {@code type;} prefix of a typed field ({@code dns; mx.example.org}). */
    public static String untype(String value) {
        String v = value == null ? "" : value.strip();
        int semi = v.indexOf(';');
        if (semi > 0 && semi < 12 && !spaceBetween(v, 0, semi)) {
            v = v.substring(semi + 1).strip();
        }
        return v;
    }
}
