package org.maildoctor.bounce.reason;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.WordingPattern;

/**
 * Wording that means something particular inside a bounce, checked before the general reply
 * classifier. A bounce reports what the sending MTA concluded after its retries, so "connection
 * timed out" in a bounce means the message expired in the queue (the peer decoder's reading), while
 * in a live SMTP reply it would be a network error.
 */
final class BounceWording {

    /** Case-insensitive; run on text lowered once and skipped when its literals are absent ({@link WordingPattern}). */
    private record Rule(Reason reason, WordingPattern pattern) {
        static Rule of(Reason reason, String regex) {
            return new Rule(reason, WordingPattern.compile(regex));
        }
    }

    /**
     * Sentences particular MTAs and services write for one cause, checked before anything else;
     * each is a whole phrase, so it cannot be mistaken for general wording. Ported from the peer
     * decoder's per-reason sentence tables (Sisimai 5, BSD-2-Clause), keeping the ones the corpus shows.
     */
    private static final List<Rule> SENTENCES = List.of(
            // Courier: the sender's address could not be checked (Sender ID PRA)
            Rule.of(Reason.REJECTED, "can't determine purported responsible address"
                    + "|you are sending to/from an address that has been blacklisted"
                    // Microsoft via m-FILTER: every recipient refused because of the sender
                    + "|recipient addresses rejected : access denied"
                    + "|is not a registered gateway user"
                    // a provider whose "E2110" names a sender domain that does not exist
                    + "|does not exist e2110"
                    + "|from: domain is invalid\\. please provide a valid from:"),
            // Amazon SES: the sending identity is not verified, so SES will not relay for it
            Rule.of(Reason.NORELAYING, "email address is not verified"),
            Rule.of(Reason.REQUIREPTR, "service permits \\d+ unverifyable sending ips"),
            // cPanel Exim and DragonFly name a recipient domain that does not resolve
            Rule.of(Reason.HOSTUNKNOWN, "the account or domain may not exist|mail domain mentioned in email address is unknown|dns lookup failure: host \\S+ not found"
                    + "|(?:^|\\s)553 [a-z0-9-]+(?:\\.[a-z0-9-]+)+ does not exist"),
            Rule.of(Reason.SYSTEMERROR, "could not load drd for domain|queue file write error|transaction failed(?=\\s|$)"),
            // a URI blocklist hit is about the message content, not the sending IP
            Rule.of(Reason.SPAMDETECTED, "blacklisted url in message"),
            Rule.of(Reason.BLOCKED, "invalid ip for sending mail of domain|no access from mail server"),
            Rule.of(Reason.NORELAYING, "insecure mail relay"),
            // the receiving server refused the session for breaking its SMTP rules (e.g. talking before the greeting)
            Rule.of(Reason.POLICYVIOLATION, "protocol violation"));

    /** Checked before the code: wording whose meaning the peer puts above any status code. */
    private static final List<Rule> EARLY = List.of(
            // a local delivery to a program (Exim "pipe to |/usr/bin/...", procmail) that failed
            Rule.of(Reason.MAILERERROR, "(?:^|\\s)\\|/\\S+|pipe to \\||procmail:"),
            Rule.of(Reason.SYNTAXERROR, "malformed address"),
            // Gmail refusing a "Send mail as" alias the account may not use: the sender is refused
            Rule.of(Reason.REJECTED, "'send mail as' feature"),
            Rule.of(Reason.FAILEDSTARTTLS, "does not support (?:tls|starttls)"),
            Rule.of(Reason.NOTACCEPT, "null mx|doesn't receive email|does not receive email|no mx (?:record )?found for domain"),
            Rule.of(Reason.NETWORKERROR, "no route to host"),
            Rule.of(Reason.MESGTOOBIG, "line limit exceeded"),
            // a DNS failure on the sender's side, not proof that the domain does not exist
            Rule.of(Reason.NETWORKERROR, "malformed or unexpected name server reply|host name lookup failure"
                    + "|host not found, try again|dns error: \\d+ dns type"),
            // Microsoft's "5.4.1 Recipient address rejected: Access denied" is its directory saying no such user
            Rule.of(Reason.USERUNKNOWN, "recipient address rejected: access denied"),
            Rule.of(Reason.NORELAYING, "not configured to relay|relay access denied|relaying denied"),
            Rule.of(Reason.SPEEDING, "receiving mail at a rate"),
            Rule.of(Reason.FILTERED, "refused due to recipient preferences"),
            Rule.of(Reason.SPEEDING, "too many recipients this hour|too many recipients per hour"),
            Rule.of(Reason.TOOMANYCONN, "too many recipients|frequency limited|connection rate limit"),
            // Outlook.com's "messages from 192.0.2.1 weren't sent" and ISPs refusing dynamic/consumer IPs
            Rule.of(Reason.BLOCKED, "messages from \\S+ weren't sent|use the smtp server of your isp"),
            Rule.of(Reason.BLOCKED, "not accepting connections|refused to talk to me|blacklisted by|service refused"
                    + "|(?:^|\\s)blocked(?: -|:)"),
            Rule.of(Reason.POLICYVIOLATION, "header error|content presents a potential"),
            Rule.of(Reason.AUTHFAILURE, "fails to pass authentication|does not have authentication information"),
            Rule.of(Reason.USERUNKNOWN, "address couldn't be found|address could not be found"
                    // Microsoft's directory lookup and Yahoo's account check: both say the mailbox does not exist
                    + "|no valid recipients|recipientnotfound|recipient not found by smtp address lookup|this user doesn't have an? \\S+ account"
                    // Lotus Domino / Notes: the directory has no such person ("listed" is no blocklist here)
                    + "|not listed in (?:the )?(?:domino directory|public name & address book)"),
            Rule.of(Reason.MAILBOXFULL, "mailfolder is full|number of messages in recipient's mailbox exceeded"));

    /** Checked after the precise codes: how a bounce says the message expired in the queue. */
    private static final List<Rule> LATE = List.of(
            Rule.of(Reason.EXPIRED, "connection timed out|did not accept our requests to connect"
                    + "|retry timeout exceeded|retry time not reached for any host|giving up on|delivery (?:time|period) (?:has )?expired"
                    + "|could not be delivered for (?:too long|\\d+ days)|message (?:has )?expired|no answer from host"
                    + "|unable to deliver (?:the )?message (?:after|within)|have not been able to deliver|operation timed out"
                    + "|message delayed|delivery attempts will continue|will keep trying|retry period|could not deliver for the last"
                    + "|message will be retried|all hosts have been failing|in the queue too long"
                    + "|not delivered within \\d+ days"
                    // Zoho: a 421 "host not reachable" that lasted until it gave up
                    + "|host not reachable"));

    private BounceWording() {
    }

    /**
     * A wording, lowered, with the literals of the {@link #EARLY} and {@link #LATE} rules found in it
     * in one pass for both lists.
     */
    record Wording(String text, String lower, long possible) {
        static Wording of(String text, String lower) {
            return new Wording(text, lower, AFTER_SENTENCES.possible(lower));
        }
    }

    /**
     * {@code diagnostic} as written (the sentences may include the reply code), with its lowered copy;
     * {@code wording} without codes.
     */
    static Optional<Reason> early(String diagnostic, String lowerDiagnostic, Wording wording) {
        if (diagnostic != null && !diagnostic.isBlank()) {
            int i = SENTENCES_FIRST.first(diagnostic, lowerDiagnostic);
            if (i >= 0) {
                return Optional.of(SENTENCES.get(i).reason());
            }
        }
        return Optional.ofNullable(find(0, EARLY.size(), wording));
    }

    static Optional<Reason> late(Wording wording) {
        return Optional.ofNullable(find(EARLY.size(), EARLY.size() + LATE.size(), wording));
    }

    private static final WordingPattern.FirstOf SENTENCES_FIRST = firstOf(SENTENCES);
    /** EARLY then LATE, both run on the wording. */
    private static final List<Rule> EARLY_THEN_LATE = java.util.stream.Stream.concat(EARLY.stream(), LATE.stream()).toList();
    private static final WordingPattern.FirstOf AFTER_SENTENCES = firstOf(EARLY_THEN_LATE);

    private static WordingPattern.FirstOf firstOf(List<Rule> rules) {
        return new WordingPattern.FirstOf(rules.stream().map(Rule::pattern).toList());
    }

    /** Every rule's regex, for tests. */
    static List<String> ruleSources() {
        return java.util.stream.Stream.of(SENTENCES, EARLY, LATE).flatMap(List::stream).map(r -> r.pattern().source()).toList();
    }

    /** The reason of the first rule of {@link #EARLY_THEN_LATE} from {@code from} to {@code to} that matches, or null. */
    private static Reason find(int from, int to, Wording w) {
        if (w.text() == null || w.text().isBlank()) {
            return null;
        }
        int i = AFTER_SENTENCES.first(w.text(), w.lower(), w.possible(), from, to);
        return i < 0 ? null : EARLY_THEN_LATE.get(i).reason();
    }

    /** {@link #early} the plain way (each rule's regex, case-insensitive, in order), for tests. */
    static Optional<Reason> earlyPlain(String diagnostic, String wording) {
        Reason r = findPlain(SENTENCES, diagnostic);
        return Optional.ofNullable(r != null ? r : findPlain(EARLY, wording));
    }

    /** {@link #late} the plain way, for tests. */
    static Optional<Reason> latePlain(String text) {
        return Optional.ofNullable(findPlain(LATE, text));
    }

    private static Reason findPlain(List<Rule> rules, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Rule r : rules) {
            if (java.util.regex.Pattern.compile(r.pattern().source(), java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                return r.reason();
            }
        }
        return null;
    }
}
