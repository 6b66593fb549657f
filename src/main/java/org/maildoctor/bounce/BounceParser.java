package org.maildoctor.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.bounce.mime.Headers;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.bounce.mime.MailDecoder;
import org.maildoctor.bounce.mta.Dialects;
import org.maildoctor.bounce.mta.Finding;
import org.maildoctor.bounce.mta.MtaDialect;
import org.maildoctor.bounce.mta.WebhookJson;
import org.maildoctor.bounce.reason.ReasonRules;
import org.maildoctor.smtp.CodeScan;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReplyCode;
import org.maildoctor.smtp.SmtpReply;
import org.maildoctor.smtp.SmtpReplyParser;

/**
 * Reads one message (a bounce, a feedback report, an auto-reply, or anything else) from bytes. Pure:
 * no files, sockets or clock. Never throws: every input gives a {@link ParseOutcome}.
 *
 * <pre>{@code
 * switch (BounceParser.standard().parse(bytes)) {
 *     case ParseOutcome.Bounces b -> b.results().forEach(...);
 *     case ParseOutcome.NotABounce n -> ...;
 *     case ParseOutcome.Undecodable u -> ...;
 * }
 * }</pre>
 */
public final class BounceParser {

    /** Larger inputs are cut: no bounce needs more, and it bounds time and memory per message. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_DIAGNOSTIC = 4096;

    private static final BounceParser STANDARD = new BounceParser(Dialects.all());

    private final List<MtaDialect> dialects;

    public BounceParser(List<MtaDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public static BounceParser standard() {
        return STANDARD;
    }

    /** Every message of an mbox (or the one message of a plain file), each with its own outcome. */
    public List<ParseOutcome> parseAll(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return List.of(new ParseOutcome.Undecodable("the input is empty"));
        }
        List<ParseOutcome> out = new ArrayList<>();
        for (byte[] message : Mbox.split(raw)) {
            out.add(parse(message));
        }
        return out.isEmpty() ? List.of(new ParseOutcome.Undecodable("the input holds no message")) : out;
    }

    public ParseOutcome parse(byte[] raw) {
        return parse(raw, 0);
    }

    private ParseOutcome parse(byte[] raw, int depth) {
        if (raw == null || raw.length == 0) {
            return new ParseOutcome.Undecodable("the input is empty");
        }
        List<String> warnings = new ArrayList<>();
        byte[] bytes = raw;
        if (raw.length > MAX_BYTES) {
            bytes = java.util.Arrays.copyOf(raw, MAX_BYTES);
            warnings.add("input larger than " + MAX_BYTES + " bytes; only the start was read");
        }
        try {
            if (startsWithJson(bytes)) {
                // a webhook body (Amazon SES notification, SendGrid events) rather than a message
                WebhookJson.Decoded json = WebhookJson.decode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                if (json.findings().isEmpty()) {
                    return new ParseOutcome.NotABounce("JSON that is no known bounce event");
                }
                Mail none = new Mail(org.maildoctor.bounce.mime.Headers.EMPTY, "", List.of(), "", null, "", "application/json", List.of());
                return new ParseOutcome.Bounces(json.findings().stream().map(f -> toResult(f, none, json.dialect())).toList(),
                        json.dialect(), warnings);
            }
            if (!looksLikeMail(bytes)) {
                return new ParseOutcome.Undecodable("no message header found");
            }
            Mail mail = MailDecoder.decode(bytes);
            warnings.addAll(mail.warnings());
            for (MtaDialect d : dialects) {
                if (!d.matches(mail)) {
                    continue;
                }
                List<Finding> findings = d.decode(mail);
                if (findings.isEmpty()) {
                    continue;
                }
                if (d.name().equals("FreeForm") && !mail.returnedText().isBlank() && depth < 2) {
                    // A forwarded bounce: the notice around it is prose, the attached message is the
                    // real report. Prefer the attachment when a specific dialect reads it.
                    ParseOutcome inner = parse(mail.returnedText().getBytes(java.nio.charset.StandardCharsets.UTF_8), depth + 1);
                    if (inner instanceof ParseOutcome.Bounces b && !b.dialect().equals("FreeForm")) {
                        return inner;
                    }
                }
                List<BounceResult> results = new ArrayList<>();
                for (Finding f : findings) {
                    results.add(toResult(f, mail, d.name()));
                }
                return new ParseOutcome.Bounces(results, d.name(), warnings);
            }
            return new ParseOutcome.NotABounce("no delivery-status report, feedback report, auto-reply or bounce notice found");
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseOutcome.Undecodable("could not be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * "550 &lt;jane@example.org&gt;: User unknown": a reply whose text starts with the recipient,
     * as servers answer RCPT TO (Postfix "&lt;rcpt&gt;: Recipient address rejected"). After DATA a
     * server speaks of the message, not of one address.
     */
    static boolean echoesRecipient(String diagnostic, String recipient) {
        if (recipient.isEmpty()) {
            return false;
        }
        // Was diagnostic.replaceFirst("^\\s*[245]\\d\\d[ -:]*(?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s*)?", ""), which
        // compiled the regex on every call. [ -:] is the range space..colon, which holds digits and
        // dots, so that run eats any status code and the optional group never matches; the scan below
        // removes the same prefix (BounceParserScanTest compares the two).
        int i = 0;
        while (i < diagnostic.length() && CodeScan.space(diagnostic.charAt(i))) {
            i++;
        }
        int from = 0;
        if (CodeScan.replyCodeAt(diagnostic, i)) {
            from = i + 3;
            while (from < diagnostic.length() && diagnostic.charAt(from) >= ' ' && diagnostic.charAt(from) <= ':') {
                from++;
            }
        }
        String expected = "<" + recipient + ">:";
        return diagnostic.regionMatches(true, from, expected, 0, expected.length());
    }

    private static boolean startsWithJson(byte[] b) {
        for (byte c : b) {
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }

    /** A message starts with a header field (or an mbox From_ line); anything else is not mail. */
    private static boolean looksLikeMail(byte[] b) {
        int n = Math.min(b.length, 1000);
        int i = 0;
        while (i < n && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ')) {
            i++;
        }
        int colon = -1;
        for (int j = i; j < n; j++) {
            if (b[j] == ':') {
                colon = j;
                break;
            }
            if (b[j] == '\n' || b[j] == '\r') {
                break;
            }
        }
        boolean mbox = n - i > 5 && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ';
        return mbox || colon > i;
    }

    private static BounceResult toResult(Finding f, Mail mail, String dialect) {
        // a reply is at most a few kilobytes (RFC 5321 §4.5.3.1.5: 512-octet lines); more is noise
        String diagnostic = f.diagnostic().length() > MAX_DIAGNOSTIC ? f.diagnostic().substring(0, MAX_DIAGNOSTIC) : f.diagnostic();
        // "X-Unix; 255" is a program's exit status (RFC 3464 §2.3.6), not an SMTP reply
        boolean unixExit = f.diagnosticType().toUpperCase(Locale.ROOT).startsWith("X-UNIX");
        Optional<SmtpReply> reply = diagnostic.isBlank() || unixExit ? Optional.empty() : SmtpReplyParser.tryParse(diagnostic);
        Optional<ReplyCode> replyCode = reply.flatMap(SmtpReply::replyCode);
        Optional<EnhancedStatus> status = chooseStatus(f.status(), diagnostic, reply);
        String command = f.command().toUpperCase(Locale.ROOT);
        if (command.isEmpty() && echoesRecipient(diagnostic, f.recipient())) {
            command = "RCPT";
        }
        Reason reason = ReasonRules.decide(new ReasonRules.Evidence(status, diagnostic, f.diagnosticType(),
                f.action(), command, replyCode.map(ReplyCode::value), f.reasonHint(),
                ReasonRules.Hosts.of(f.recipient(), f.remoteMta(), f.reportingMta())));
        boolean transientFailure = status.map(EnhancedStatus::isTransientFailure)
                .orElseGet(() -> replyCode.map(ReplyCode::isTransientFailure).orElse(false));
        Headers rh = mail.returnedHeaders();
        ReturnedMessage returned = new ReturnedMessage(rh.get("Message-ID"), rh.get("From"), rh.get("To"), rh.get("Subject"));
        return new BounceResult(f.recipient(), f.originalRecipient(), f.action(), status, replyCode,
                f.diagnosticType(), diagnostic, command, f.reportingMta(), f.remoteMta(), f.arrivalDate(),
                f.lastAttemptDate(), returned, reason, reason.isHard(transientFailure), f.feedbackType(), dialect);
    }

    /**
     * The report's Status field, unless it is missing or only names the class (X.0.0) while the
     * server's own reply names a precise code: then the reply's code, as the more specific evidence.
     */
    static Optional<EnhancedStatus> chooseStatus(String field, String diagnostic, Optional<SmtpReply> reply) {
        Optional<EnhancedStatus> declared = firstCode(field);
        // A code written right after a basic reply code ("550-'5.7.1", "550 5.1.1") is the remote
        // server's own; prefer it to a code some gateway wrote in front of the reply.
        // CodeScan replaces the regexes (?<!\d)[245]\d\d[ -]['"]?([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)
        // and (?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d), which were tried at every position of
        // every diagnostic (CodeScanTest compares them).
        int withCode = CodeScan.statusAfterReplyCode(diagnostic, 0);
        Optional<EnhancedStatus> said = withCode >= 0
                ? Optional.of(CodeScan.status(diagnostic, withCode, CodeScan.statusEnd(diagnostic, withCode)))
                : reply.flatMap(SmtpReply::status);
        if (withCode >= 0 && diagnostic.charAt(CodeScan.replyCodeBefore(diagnostic, withCode)) - '0' == said.get().statusClass().digit()
                && !(said.get().subject() == 0 && said.get().detail() == 0)) {
            return said; // "550 5.5.0": reply and code agree, so the server meant it, whatever Status: says
        }
        List<EnhancedStatus> inText = new ArrayList<>(2);
        for (int at = CodeScan.standaloneStatus(diagnostic, 0); at >= 0; ) {
            int end = CodeScan.statusEnd(diagnostic, at);
            inText.add(CodeScan.status(diagnostic, at, end));
            at = CodeScan.standaloneStatus(diagnostic, end);
        }
        if (said.isEmpty() && !inText.isEmpty()) {
            said = Optional.of(inText.get(0));
        }
        // "5.1.0 - Unknown address error 550-'5.7.1 ...'" (Amazon SES) or "554 4.4.7 Message expired
        // <421 4.4.2 Connection timed out>": the report repeats its own code first and quotes the
        // remote server's after it; the remote code is the more precise one.
        if (declared.isPresent() && !inText.isEmpty() && inText.get(0).equals(declared.get())) {
            for (EnhancedStatus s : inText) {
                if (!s.equals(declared.get()) && s.statusClass() == declared.get().statusClass()) {
                    return Optional.of(s);
                }
            }
        }
        if (declared.isEmpty()) {
            return said;
        }
        // The server's own code is the more precise evidence: Sendmail writes 4.4.7 (expired) into
        // Status: for a message last refused with 4.7.1, and many MTAs write 5.0.0 for any refusal.
        if (said.isPresent() && said.get().statusClass() == declared.get().statusClass()
                && !(said.get().subject() == 0 && said.get().detail() == 0)) {
            return said;
        }
        return declared;
    }

    /** The first status code written on its own in the Status: field. */
    private static Optional<EnhancedStatus> firstCode(String field) {
        int at = field == null ? -1 : CodeScan.standaloneStatus(field, 0);
        return at < 0 ? Optional.empty() : Optional.of(CodeScan.status(field, at, CodeScan.statusEnd(field, at)));
    }
}
