package org.maildoctor.bounce.reason;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.bounce.reason.rhost.RemoteHost;
import org.maildoctor.bounce.reason.rhost.RemoteHosts;
import org.maildoctor.smtp.CodeScan;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReasonClassifier;
import org.maildoctor.smtp.WordingPattern;

/**
 * Decides a bounce's reason from what the bounce says, in the peer decoder's (Sisimai 5) order: first
 * the causes that the code or the wording name precisely (a full mailbox beats "user unknown" wording
 * in the same reply), then the wording's other verdicts, then the code's class, then the context
 * (Action: delayed, the SMTP command refused). The wording rules are the smtp package's
 * {@link ReasonClassifier}; this class only adds what a bounce knows beyond one reply.
 */
public final class ReasonRules {

    /** Reasons checked first, by code or by wording; the order matters (see the class comment). */
    private static final List<Reason> FIRST = List.of(
            Reason.MAILBOXFULL, Reason.MESGTOOBIG, Reason.EXCEEDLIMIT, Reason.SUSPEND, Reason.HASMOVED,
            Reason.NORELAYING, Reason.AUTHFAILURE, Reason.USERUNKNOWN, Reason.FILTERED, Reason.REQUIREPTR,
            Reason.NOTCOMPLIANTRFC, Reason.BADREPUTATION, Reason.REJECTED, Reason.HOSTUNKNOWN,
            Reason.SPAMDETECTED, Reason.SPEEDING, Reason.TOOMANYCONN, Reason.BLOCKED);

    /** What is known about one recipient's failure. {@code command} is upper-case (RCPT, MAIL, DATA, ...). */
    public record Evidence(Optional<EnhancedStatus> status, String diagnostic, String diagnosticType,
            String action, String command, Optional<Integer> replyCode, Reason hint, Hosts hosts) {

        public Evidence(Optional<EnhancedStatus> status, String diagnostic, String diagnosticType, String action,
                String command, Optional<Integer> replyCode, Reason hint) {
            this(status, diagnostic, diagnosticType, action, command, replyCode, hint, Hosts.NONE);
        }
    }

    /** Where the failure happened: the recipient's domain, the remote MTA, the MTA that wrote the report. */
    public record Hosts(String destination, String remoteMta, String reportingMta) {
        public static final Hosts NONE = new Hosts("", "", "");

        public static Hosts of(String recipient, String remoteMta, String reportingMta) {
            int at = recipient == null ? -1 : recipient.lastIndexOf('@');
            return new Hosts(at < 0 ? "" : recipient.substring(at + 1), remoteMta == null ? "" : remoteMta,
                    reportingMta == null ? "" : reportingMta);
        }
    }

    /**
     * A dialect's own verdict that still leaves room for more precise evidence: the peer decoder
     * re-checks these ("expired" after a refusal that names its cause, "user unknown" from a
     * generic sentence) against the provider tables and the wording.
     */
    private static final java.util.Set<Reason> PROVISIONAL = java.util.Set.of(Reason.UNDEFINED, Reason.ONHOLD,
            Reason.SYSTEMERROR, Reason.SECURITYERROR, Reason.EXPIRED, Reason.NETWORKERROR, Reason.HOSTUNKNOWN,
            Reason.USERUNKNOWN);

    private ReasonRules() {
    }

    public static Reason decide(Evidence e) {
        if (e.hint() != null && !PROVISIONAL.contains(e.hint())) {
            return e.hint();
        }
        if (e.status().map(s -> s.statusClass().digit() == 2).orElse(false)
                || e.action().toLowerCase(Locale.ROOT).startsWith("deliver")
                || e.action().toLowerCase(Locale.ROOT).startsWith("relayed")
                || e.action().toLowerCase(Locale.ROOT).startsWith("expanded")) {
            return Reason.DELIVERED;
        }
        // lowered once for the provider tables and the wording rules
        String lowerDiagnostic = WordingPattern.lower(e.diagnostic());
        Optional<Reason> byProvider = RemoteHosts.reason(e.hosts().destination(), e.hosts().remoteMta(),
                e.hosts().reportingMta(), new RemoteHost.Failure(e.diagnostic(),
                        e.status().map(EnhancedStatus::toString).orElse(""), e.replyCode(), e.command()), lowerDiagnostic);
        if (byProvider.isPresent()) {
            return byProvider.get();
        }
        Reason decided = decideByWording(e, lowerDiagnostic);
        if (e.hint() == null) {
            return decided;
        }
        // A dialect's provisional verdict stands unless the wording names a cause checked before it
        // (a full mailbox beats the dialect's "user unknown"; a named block beats "expired").
        if (e.hint() == Reason.EXPIRED && ReasonClassifier.fromText(withoutReplyCodes(e.diagnostic()))
                .filter(r -> r == Reason.BADREPUTATION).isPresent()) {
            // deferred until the queue gave up, each time for the sender's reputation (Yahoo's TSS04
            // "unexpected volume or user complaints"): the reputation is the cause, even at MAIL FROM
            return Reason.BADREPUTATION;
        }
        int d = FIRST.indexOf(decided);
        int h = FIRST.indexOf(e.hint());
        return d >= 0 && (h < 0 || d < h) ? decided : e.hint();
    }

    private static Reason decideByWording(Evidence e, String lowerDiagnostic) {
        String wording = withoutReplyCodes(remoteReply(e.diagnostic()));
        // lowered once here for every wording rule below (each would otherwise lower it again)
        String lowerWording = WordingPattern.lower(wording);
        if (e.diagnosticType().toUpperCase(Locale.ROOT).startsWith("X-UNIX")) {
            // a local delivery program failed (RFC 3464 type X-Unix), unless it says the mailbox is over quota
            return ReasonClassifier.fromText(wording, lowerWording).filter(r -> r == Reason.MAILBOXFULL).orElse(Reason.MAILERERROR);
        }
        BounceWording.Wording scanned = BounceWording.Wording.of(wording, lowerWording);
        Optional<Reason> early = BounceWording.early(e.diagnostic(), lowerDiagnostic, scanned);
        if (early.isPresent()) {
            return early.get();
        }
        // "Recipient address rejected: <why>": the why decides; the bare phrase still means the recipient
        // (both regexes are case-insensitive in US-ASCII only, so without the phrase in the lowered
        // wording neither matches and the wording stays as it is)
        Optional<Reason> byText;
        if (!lowerWording.contains("recipient address rejected")) {
            byText = ReasonClassifier.fromText(wording, lowerWording);
        } else {
            byText = BARE_REJECTION.matcher(wording).find() ? ReasonClassifier.fromText(wording, lowerWording)
                    : ReasonClassifier.fromText(RECIPIENT_REJECTED.matcher(wording).replaceAll(" "));
        }
        Optional<Reason> byBounceWording = BounceWording.late(scanned);
        Optional<Reason> byStatus = e.status().flatMap(StatusReasons::of);
        for (Reason r : FIRST) {
            if (holds(r, byStatus, byText, e.command(), wording)) {
                // "No such user" in reply to MAIL FROM is about the sender's address
                return r == Reason.USERUNKNOWN && e.command().equals("MAIL") && byStatus.isEmpty() ? Reason.REJECTED : r;
            }
            if (r == Reason.USERUNKNOWN && byText.equals(Optional.of(r)) && e.command().equals("MAIL")) {
                return Reason.REJECTED;
            }
        }
        if (byBounceWording.isPresent()) {
            return byBounceWording.get();
        }
        // A code that names a precise cause decides; a vague one (system error, security error, ...) lets the wording decide.
        if (byStatus.isPresent() && !VAGUE.contains(byStatus.get())) {
            return byStatus.get();
        }
        // refused at MAIL FROM with nothing more precise said: the sender was rejected
        if (e.command().equals("MAIL") && byText.filter(t -> t != Reason.BADREPUTATION).isEmpty()) {
            return Reason.REJECTED;
        }
        if (byText.isPresent() && !(byText.get() == Reason.SYSTEMERROR && onlyGenericTrouble(wording))) {
            return byText.get();
        }
        if (byStatus.isPresent()) {
            return byStatus.get();
        }
        String action = e.action().toLowerCase(Locale.ROOT);
        if (action.startsWith("delayed") || action.startsWith("expired")) {
            return Reason.EXPIRED;
        }
        if (e.replyCode().filter(c -> c >= 500 && c <= 504).isPresent()) {
            return Reason.SYNTAXERROR; // 500-504: the server did not understand a command (RFC 5321 §4.2.2)
        }
        if (e.command().equals("HELO") || e.command().equals("EHLO") || e.command().equals("CONN")) {
            return Reason.BLOCKED;
        }
        return e.diagnostic().isBlank() ? Reason.UNDEFINED : Reason.ONHOLD;
    }

    /**
     * Whether reason {@code r} holds. For most reasons the code or the wording naming it is enough.
     * "User unknown" wording is different, because the SMTP command changes what it means: a server
     * that refuses a recipient after DATA accepted it at RCPT, so the refusal is the recipient side's
     * filter, not a missing mailbox. Without a code that says "bad mailbox" (X.1.1), the wording
     * counts as user unknown only when the refused command is known to be RCPT; otherwise filtered.
     */
    private static boolean holds(Reason r, Optional<Reason> byStatus, Optional<Reason> byText, String command,
            String wording) {
        boolean status = byStatus.equals(Optional.of(r));
        boolean text = byText.equals(Optional.of(r));
        return switch (r) {
            case USERUNKNOWN -> status
                    ? byText.filter(t -> t == Reason.BLOCKED || t == Reason.REJECTED || t == Reason.NOTACCEPT).isEmpty()
                    : text && command.equals("RCPT");
            case FILTERED -> {
                boolean says = byText.filter(t -> t == Reason.FILTERED || t == Reason.USERUNKNOWN).isPresent();
                if (status) {
                    yield says;
                }
                yield says && !BEFORE_DATA.contains(command);
            }
            // a size-limit wording under a per-mailbox limit code (X.2.3) or a content code (X.6.x) is that instead
            case MESGTOOBIG -> status || text && byStatus.filter(x -> x == Reason.EXCEEDLIMIT || x == Reason.CONTENTERROR).isEmpty();
            // refused at MAIL FROM: the sender was rejected, whatever the server blames
            // at MAIL FROM, complaints or volume are read as a rejected sender, unless "reputation" is said
            case BADREPUTATION -> (status || text) && (!command.equals("MAIL") || wording.toLowerCase(Locale.ROOT).contains("reputation"));
            default -> status || text;
        };
    }

    private static final java.util.Set<Reason> VAGUE = java.util.Set.of(Reason.SYSTEMERROR, Reason.SECURITYERROR,
            Reason.NETWORKERROR, Reason.HOSTUNKNOWN, Reason.USERUNKNOWN, Reason.ONHOLD, Reason.UNDEFINED);

    private static final java.util.regex.Pattern BARE_REJECTION =
            java.util.regex.Pattern.compile("(?i)recipient address rejected\\W*$");
    /** What {@link #removeReplyCodes} removes; for tests. */
    static final java.util.regex.Pattern REPLY_CODES =
            java.util.regex.Pattern.compile("(?<![\\w.])[245]\\d\\d[- ](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s)?");

    /**
     * Amazon SES writes its own category before the remote server's quoted reply ("5.1.0 - Unknown
     * address error 550-'5.7.1 ... Access denied' (delivery attempts: 0)"); the category is SES's
     * label for the code, not evidence, so the wording rules read the quoted reply.
     */
    static String remoteReply(String diagnostic) {
        java.util.regex.Matcher m = SES_QUOTED.matcher(diagnostic);
        return m.find() ? m.group(1) : diagnostic;
    }

    private static final java.util.regex.Pattern SES_QUOTED = java.util.regex.Pattern.compile(
            "^\\s*[245]\\.\\d{1,3}\\.\\d{1,3} - [A-Za-z ]+ error [245]\\d\\d[ -]'(.+)'");

    // compiled once: String.replaceAll compiles its regex on every call
    private static final java.util.regex.Pattern RECIPIENT_REJECTED =
            java.util.regex.Pattern.compile("(?i)recipient address rejected:?");
    static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("(?i)\\bhttps?://([^/\\s]+)\\S*");
    /** What {@link #collapseSpaces} collapses; for tests. */
    static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Continuation codes ("550-5.7.1 ... 550 5.7.1 ...") cut wording apart; the rules read the words only. */
    static String withoutReplyCodes(String diagnostic) {
        String t = removeReplyCodes(diagnostic);
        // A URL's path names things ("...#hostunknown", "/support/spam") that are no part of the
        // verdict; its host may be ("www.spamhaus.org/query/..."), so only the host is kept.
        // (found in any US-ASCII case, exactly where toLowerCase(Locale.ROOT) finds it: no other
        // character lowers to h, t or p)
        return collapseSpaces(containsHttp(t) ? urlHostsOnly(t, WordingPattern.lower(t)) : t);
    }

    /** Whether "http" is written in any US-ASCII case ({@code c | 0x20} folds exactly A-Z onto a-z for these letters). */
    static boolean containsHttp(String t) {
        for (int i = 0; i + 3 < t.length(); i++) {
            if ((t.charAt(i) | 0x20) == 'h' && (t.charAt(i + 1) | 0x20) == 't' && (t.charAt(i + 2) | 0x20) == 't'
                    && (t.charAt(i + 3) | 0x20) == 'p') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code URL.matcher(t).replaceAll(" $1 ")}, trying the regex only where "http" is written (in any
     * case: the regex folds US-ASCII only, as the lowering does), because every match starts there;
     * run over the whole text it opened every word with a case-insensitive comparison.
     * ReasonRulesScanTest compares the two.
     */
    static String urlHostsOnly(String t, String lower) {
        java.util.regex.Matcher m = URL.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
        StringBuilder out = null;
        int copied = 0;
        for (int at = lower.indexOf("http"); at >= 0; at = lower.indexOf("http", at)) {
            m.region(at, t.length());
            if (!m.lookingAt()) {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(t.length());
            }
            out.append(t, copied, at).append(' ').append(m.group(1)).append(' ');
            copied = m.end();
            at = m.end();
        }
        return out == null ? t : out.append(t, copied, t.length()).toString();
    }

    /**
     * {@code REPLY_CODES.matcher(s).replaceAll("")}, hand-written: the regex opens with a lookbehind,
     * so the engine tried it at every position of every diagnostic, three regex passes per bounce
     * being the largest cost of deciding a reason. ReasonRulesScanTest compares the two.
     */
    static String removeReplyCodes(String s) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        for (int i = 0; i + 3 < n; i++) {
            if (!CodeScan.replyCodeAt(s, i) || s.charAt(i + 3) != '-' && s.charAt(i + 3) != ' ') {
                continue;
            }
            if (i > 0 && (word(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
                continue;
            }
            int end = i + 4;
            int status = CodeScan.statusEnd(s, end);
            if (status >= 0 && status < n && CodeScan.space(s.charAt(status))) {
                end = status + 1;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i);
            copied = end;
            i = end - 1;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /** {@code \w} without UNICODE_CHARACTER_CLASS. */
    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** {@code SPACES.matcher(s).replaceAll(" ")}, hand-written for the same reason as {@link #removeReplyCodes}. */
    static String collapseSpaces(String s) {
        int n = s.length();
        int i = 0;
        // nothing to do unless some \s is not a lone space
        while (i < n && (!CodeScan.space(s.charAt(i)) || s.charAt(i) == ' ' && (i + 1 >= n || !CodeScan.space(s.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (CodeScan.space(c)) {
                out.append(' ');
                while (i < n && CodeScan.space(s.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * "Temporary failure", "please try again later": every deferral says so, whatever went wrong.
     * Such wording alone is no evidence of a fault in the receiving system; the reason stays open.
     */
    private static boolean onlyGenericTrouble(String wording) {
        String rest = GENERIC_TROUBLE.matcher(wording).replaceAll(" ");
        return !rest.equals(wording) && ReasonClassifier.fromText(rest).isEmpty();
    }

    private static final java.util.regex.Pattern GENERIC_TROUBLE = java.util.regex.Pattern.compile(
            "(?i)temporary (?:failure|error)|(?:please )?try again later|temporarily unavailable");

    /** Commands sent before the message: a refusal there cannot be a content filter. */
    private static final java.util.Set<String> BEFORE_DATA = java.util.Set.of("CONN", "EHLO", "HELO", "MAIL", "RCPT");
}
