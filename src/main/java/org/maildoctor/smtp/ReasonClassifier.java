package org.maildoctor.smtp;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks a {@link Reason} for a reply. Wording decides first, because servers reuse a handful of
 * codes for many causes ({@code 550 5.7.1} is sent for relaying, blocklists, spam and DMARC);
 * then the knowledge base's reason for the provider tag, the exact status code, the subject, the
 * basic code. One ordered rule per reason, most specific wording first.
 */
public final class ReasonClassifier {

    /**
     * A wording rule, case-insensitive. A rule whose regex spells every letter in lower case is
     * compiled case-sensitive and run on the text lower-cased once ({@code lowered}): the same matches
     * (CASE_INSENSITIVE folds US-ASCII only, and so does {@link Ascii#lower}), without case-folding
     * every character of the text in every alternative of every rule, which made this classifier
     * the largest single cost of parsing a bounce. Such rules also skip the regex when the text
     * holds none of the literals every match must contain ({@link Ascii#requiredLiterals}, all rules' checked
     * in one pass by {@link LiteralIndex}), and try the regex only
     * where a match can start ({@link Ascii#startLiterals}).
     */
    private record Rule(Reason reason, Pattern pattern, boolean lowered, List<String> prefilter, List<String> starts) {
        static Rule of(Reason reason, String regex) {
            boolean lowered = Ascii.noUpperCaseLiteral(regex);
            List<String> prefixes = lowered ? Ascii.requiredLiterals(regex) : null;
            List<String> starts = lowered ? Ascii.withoutLongerStarts(Ascii.startLiterals(regex)) : null;
            return new Rule(reason, Pattern.compile(regex, lowered ? 0 : Pattern.CASE_INSENSITIVE), lowered,
                    prefixes == null ? List.of() : List.copyOf(prefixes), Literals.of(starts));
        }

        /**
         * Whether the rule matches, once {@link #INDEX} has said that {@code lower} holds one of its
         * required literals (the prefilter, checked for all rules in one pass).
         */
        boolean matchesPrefiltered(String text, String lower) {
            return lowered ? WordingPattern.firstMatch(pattern, lower, starts) != null : pattern.matcher(text).find();
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of(Reason.FAILEDSTARTTLS, "starttls|tls (?:is )?required|requires? tls|requiretls|tls negotiation failed"
                    + "|must issue a starttls|encryption (?:is )?(?:required|needed)"),
            Rule.of(Reason.REQUIREPTR, "reverse dns|reverse (?:hostname|lookup)|\\bptr\\b|\\brdns\\b|fcrdns"
                    + "|cannot find your (?:reverse )?hostname|does not have a (?:valid )?(?:reverse|ptr)|ip name lookup failed"
                    + "|mismatches client ip"),
            Rule.of(Reason.NORELAYING, "relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited|not allowed|refused)"
                    + "|not permitted to relay|unable to relay|we do not relay|no relaying|relay not permitted"),
            // Before authentication: "Duplicate header 'DKIM-Signature'" is a format error, not a DKIM failure.
            Rule.of(Reason.NOTCOMPLIANTRFC, "not (?:rfc ?\\d+|standards?)[ -]?compliant|must be rfc ?5322|rfc ?5322 section 3\\.6"
                    + "|duplicate header|multiple (?:from|date|subject|to|message-id|sender) (?:headers?|fields?)"
                    + "|multiple addresses in from|there are multiple \\w+ headers"
                    + "|missing (?:a )?(?:valid |required )?(?:message-id|date|from) header|messages missing a valid"
                    + "|header .{0,20}malformed"),
            // Unambiguous spam verdicts; the general spam rule comes later because Gmail's boilerplate
            // ("To reduce the amount of spam sent to Gmail") follows other verdicts too.
            Rule.of(Reason.SPAMDETECTED, "spam classification|classified as spam|identified as spam|detected as spam"
                    + "|message content rejected|\\bube\\b"),
            // SMTP AUTH wording, which would otherwise read as an SPF/DKIM "unauthenticated".
            Rule.of(Reason.SECURITYERROR, "unauthenticated senders|smtp authentication|turn on .{0,20}authentication"),
            Rule.of(Reason.AUTHFAILURE, "\\bdmarc\\b|\\bspf\\b|\\bdkim\\b|unauthenticated|required authentication level"
                    + "|authentication requirements|sender authentication|not authenticated.{0,40}(?:domain|sender)"),
            Rule.of(Reason.SECURITYERROR, "authentication (?:credentials|required|failed|mechanism)|must authenticate"
                    + "|client was not authenticated|auth(?:entication)? required|password|insecure|certificate"),
            Rule.of(Reason.REJECTED, "sender address rejected|sender (?:rejected|not allowed|denied)"
                    + "|sender (?:domain|address) (?:is )?(?:invalid|unknown|not allowed|does not exist|must resolve)"
                    + "|domain of sender address|sender verify failed|bad sender|invalid sender|envelope sender"
                    + "|sender address has null mx"),
            Rule.of(Reason.BLOCKED, "block ?list|black ?list|spamhaus|barracuda|spamcop|sorbs|uceprotect|dnsbl|\\brbl\\b"
                    + "|blocked using|listed (?:at|in|on|by)|banned sending ip|ip (?:address )?(?:is |has been )?(?:blocked|banned)"
                    + "|connections will not be accepted|access denied, banned|sender\\.office\\.com|permanently deferred"
                    + "|client host .{0,80}blocked|client host rejected|your (?:ip|server) .{0,30}(?:blocked|banned)"),
            Rule.of(Reason.BADREPUTATION, "reputation|user complaints|unexpected volume"),
            Rule.of(Reason.TOOMANYCONN, "too many (?:connections|concurrent|sessions)|connection (?:count )?limit"
                    + "|max(?:imum)? (?:number of )?connections"),
            Rule.of(Reason.SPEEDING, "too quickly|rate limit|rate-limit|ratelimit|too many messages|slow down|sending rate"
                    + "|throttl|unusual rate|too fast"),
            Rule.of(Reason.VIRUSDETECTED, "virus|malware|infected|trojan"),
            Rule.of(Reason.SPAMDETECTED, "\\bspam\\b|junk mail|unsolicited|bulk mail|spam score|spam content"
                    + "|classified as spam|considered spam|looks like spam"),
            Rule.of(Reason.POLICYVIOLATION, "policy reasons|local policy|policy violation|violat\\w* .{0,30}polic"
                    + "|not accepted for policy|content policy|acceptable use|phish|(?:denied|rejected|refused) by policy"),
            Rule.of(Reason.NOTACCEPT, "null mx|does not accept (?:any )?mail|accepts no mail|not accepting (?:any )?mail"
                    + "|no smtp service"),
            Rule.of(Reason.HOSTUNKNOWN, "host unknown|unknown host|host not found|host or domain name not found"
                    + "|domain not found|no such domain|domain (?:name )?does not exist|name service error"
                    + "|unrouteable address|unroutable address|nxdomain|unknown domain|no mx (?:record|host)|mx lookup failed"
                    + "|domain is not reachable"),
            Rule.of(Reason.SYSTEMFULL, "system storage|disk full|file ?system (?:is )?full|no space left|mail system full"),
            Rule.of(Reason.MAILBOXFULL, "mailbox (?:is )?full|over ?quota|quota (?:exceeded|exceed)|exceeded (?:storage|quota)"
                    + "|mailbox size limit|out of storage|inbox is full|full mailbox|mailbox has exceeded|insufficient storage"
                    + "|exceeded storage allocation"),
            Rule.of(Reason.MESGTOOBIG, "message (?:size )?exceeds|too (?:big|large)|size limit|message length exceeds"),
            Rule.of(Reason.SUSPEND, "disabled|suspended|deactivated|inactive|discontinued|account (?:has been )?(?:closed|locked|expired)"
                    + "|not active|frozen|temporar\\w* locked|account (?:is )?locked"),
            Rule.of(Reason.HASMOVED, "has (?:been )?moved|is no longer (?:at|with)|moved (?:permanently|to)"),
            Rule.of(Reason.USERUNKNOWN, "user ?unknown|unknown user|user not exist|no such (?:user|mailbox|recipient|address)|user not found"
                    + "|recipient not found|recipientnotfound|does not exist|doesn't exist|doesn't have an? .{1,40} account"
                    + "|mailbox (?:not found|unavailable)|invalid (?:recipient|mailbox|address)|(?:unknown|bad) (?:recipient|mailbox|address)"
                    + "|recipient (?:unknown|invalid)|recipient address rejected|not a valid (?:mailbox|recipient|user)|no mailbox"
                    + "|address (?:is )?unknown|account does not exist|not our customer"),
            Rule.of(Reason.FILTERED, "filtered|rejected by (?:the )?recipient|content filter|blocked by (?:the )?recipient"
                    + "|refused by (?:the )?recipient|recipient .{0,30}does not accept mail from"),
            Rule.of(Reason.EXPIRED, "expired|delivery time|retry time(?:out)? (?:was )?exceeded|gave up|too long in (?:the )?queue"
                    + "|could not be delivered (?:within|for)"),
            Rule.of(Reason.NETWORKERROR, "routing loop|mail loop|loop detected|too many hops|hop count|no route to host"
                    + "|connection (?:refused|timed out|reset)|network (?:error|unreachable|is unreachable)|dns (?:error|failure|lookup)"
                    + "|temporary (?:dns|lookup) failure|unable to route|timed out|lost connection|refused to talk to me"
                    + "|did not accept our requests to connect"),
            Rule.of(Reason.SYNTAXERROR, "syntax error|command unrecognized|command not recognized|unrecognized command"
                    + "|bad sequence of commands|line too long|invalid command"),
            Rule.of(Reason.CONTENTERROR, "\\bmime\\b|attachment|invalid content|8bitmime|message contains (?:illegal|invalid)"
                    + "|illegal character"),
            Rule.of(Reason.MAILERERROR, "mailer error|procmail|program (?:exited|failed)|command died|exit code|pipe to"),
            Rule.of(Reason.SYSTEMERROR, "internal (?:server )?error|system error|server error|local error|temporary (?:failure|error)"
                    + "|temporarily unavailable|service (?:is |currently )?(?:not |un)available|resources temporarily|try again later"
                    + "|configuration error|misconfigur"));

    private final KnowledgeBase kb;

    public ReasonClassifier(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The reason the wording alone names, if any rule matches. */
    public static Optional<Reason> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Last l = last;
        return l != null && l.text().equals(text) ? l.reason() : fromText(text, Ascii.lower(text));
    }

    /**
     * The last text classified and its reason. A bounce's reply text is classified twice, by
     * SmtpReplyParser (is this a reply at all?) and then by the reason rules, which read the same
     * words when the diagnostic holds no codes; the second time costs a string comparison. A plain
     * field: a record's final fields are seen whole by any thread, and a stale entry only misses.
     */
    private record Last(String text, Optional<Reason> reason) {
    }

    private static Last last;

    /** {@link #fromText(String)} with {@code lower} = {@link WordingPattern#lower}{@code (text)}, for callers that have it already. */
    public static Optional<Reason> fromText(String text, String lower) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Last l = last;
        if (l != null && l.text().equals(text)) {
            return l.reason();
        }
        Optional<Reason> reason = classify(text, lower);
        last = new Last(text, reason);
        return reason;
    }

    private static Optional<Reason> classify(String text, String lower) {
        long possible = INDEX.possible(lower);
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            if ((possible >>> i & 1) != 0 && rule.matchesPrefiltered(text, lower)) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /** The rules' prefilters, checked in one pass over the text (a rule not lowered has none: always possible). */
    private static final LiteralIndex INDEX = new LiteralIndex(RULES.stream().map(Rule::prefilter).toList());

    /** {@link #fromText} the plain way (every rule case-insensitive, no prefilter); tests compare the two. */
    static Optional<Reason> fromTextUnoptimised(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            if (Pattern.compile(rule.pattern().pattern(), Pattern.CASE_INSENSITIVE).matcher(text).find()) {
                return Optional.of(rule.reason());
            }
        }
        return Optional.empty();
    }

    /** Every rule's regex, for tests. */
    static List<String> ruleSources() {
        return RULES.stream().map(r -> r.pattern().pattern()).toList();
    }

    public Reason classify(SmtpReply reply) {
        if (reply.replyCode().map(c -> c.replyClass() == ReplyClass.SUCCESS).orElse(false)
                || reply.status().map(s -> s.statusClass() == ReplyClass.SUCCESS).orElse(false)) {
            return Reason.DELIVERED;
        }
        for (ProviderTag tag : reply.tags()) {
            Optional<Reason> r = kb.forTag(tag.value()).flatMap(KnowledgeEntry::reason);
            if (r.isPresent()) {
                return r.get();
            }
        }
        Optional<Reason> byText = fromText(reply.text());
        if (byText.isPresent()) {
            return byText.get();
        }
        if (reply.status().isPresent()) {
            EnhancedStatus s = reply.status().get();
            Optional<Reason> r = kb.forStatus(s).flatMap(KnowledgeEntry::reason)
                    .or(() -> kb.forSubject(s).flatMap(KnowledgeEntry::reason));
            if (r.isPresent()) {
                return r.get();
            }
        }
        return reply.replyCode().flatMap(kb::forReplyCode).flatMap(KnowledgeEntry::reason).orElse(Reason.UNDEFINED);
    }
}
